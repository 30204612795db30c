"""Template helpers for the parents' site: Vietnamese dates and week labels, the site chrome."""

from django import template
from django.template.defaultfilters import filesizeformat
from django.utils.safestring import mark_safe
from wagtail.models import Site

from sitepages import calendar, empty_states, images, share
from sitepages.selectors import Chrome, relative_url, site_chrome
from tenants.hosts import request_url

register = template.Library()


@register.filter
def vn_date(value) -> str:
    """`18/11/2026`; datetimes in local time as `18/11/2026 08:30`."""
    return calendar.vn_date(value)


@register.filter
def vn_day(value) -> str:
    """`18/11/2026`, also for a datetime (its local day): an article's date."""
    return calendar.vn_day(value)


@register.filter
def empty_state(page) -> str:
    """What an empty section will hold and when (sitepages/empty_states.py)."""
    return empty_states.empty_state(page)


@register.filter
def attr(obj, name: str):
    """`row|attr:"position"`: one attribute named by the including template (called if callable)."""
    value = getattr(obj, name, "") if name else ""
    return value() if callable(value) else value


@register.filter
def file_label(document) -> str:
    """`PDF, 245 KB`: a document's type and size, for a parent deciding whether to download."""
    if not document:
        return ""
    kind = (getattr(document, "file_extension", "") or "").upper() or "Tệp"
    size = getattr(document, "file_size", None)
    return f"{kind}, {filesizeformat(size)}" if size else kind


@register.filter
def week_label(week_start) -> str:
    """`Tuần 12 (18/11 – 24/11/2026)`."""
    return calendar.week_label(week_start) if week_start else ""


@register.filter
def month_label(month) -> str:
    return calendar.month_label(month) if month else ""


@register.filter
def school_year_label(year) -> str:
    return calendar.school_year_label(int(year)) if year else ""


@register.filter
def weekday_name(value) -> str:
    return calendar.weekday_name(value) if value not in (None, "") else ""


@register.simple_tag(takes_context=True)
def chrome(context) -> Chrome:
    """The menu, urgent banner and branding of the current school site (once per request)."""
    request = context.get("request")
    if request is None:
        return Chrome()
    cached = getattr(request, "_sitepages_chrome", None)
    if cached is None:
        site = Site.find_for_request(request)
        cached = site_chrome(site=site) if site else Chrome()
        request._sitepages_chrome = cached
    return cached


@register.inclusion_tag("sitepages/includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page):
    """Home › section › … › this page (the site root is the first crumb)."""
    ancestors = page.get_ancestors().filter(depth__gte=2) if page.depth > 2 else []
    return {"ancestors": ancestors, "page": page, "request": context.get("request")}


@register.simple_tag
def section_url(page, site_chrome) -> str:
    """`/tin-tuc/` when `page` is in the news section (for the menu's aria-current)."""
    url_path = getattr(page, "url_path", "") or ""
    if not url_path or getattr(page, "depth", 0) < 3:
        return ""
    relative = relative_url(url_path, site_chrome.root_url_path)
    segment = relative.strip("/").split("/")[0]
    return f"/{segment}/" if segment else ""


@register.simple_tag(takes_context=True)
def absolute_url(context, url) -> str:
    request = context.get("request")
    return request_url(request, url) if request and url else url or ""


@register.simple_tag
def school_admin_base_url() -> str:
    """The active school's own admin address, for links in e-mails (sitepages.admin_links)."""
    from sitepages.admin_links import school_admin_base_url as base_url

    return base_url()


@register.simple_tag
def album_thumbnail(image, first=False, sizes=None, decorative=False) -> str:
    """An album photo's `<picture>` (AVIF/WebP/JPEG, lazy but for the first: sitepages.images)."""
    if not image:
        return ""
    picture = images.thumbnail_picture(
        image, first=bool(first), sizes=sizes or images.THUMB_SIZES, decorative=bool(decorative)
    )
    return mark_safe(picture)


@register.simple_tag
def share_image(page):
    """The page's Open Graph rendition (1200×630 JPEG) or None (sitepages.share)."""
    return share.share_rendition(page)


@register.inclusion_tag("sitepages/includes/share.html", takes_context=True)
def share_buttons(context, page):
    """Zalo, Facebook and copy-the-link for `page`, as plain links (sitepages.share)."""
    request = context.get("request")
    url = request_url(request, page.url) if request and page.url else ""
    return {"url": url, "links": share.share_links(url) if url else []}
