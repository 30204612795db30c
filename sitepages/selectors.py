"""Reads for the parents' site, each built to cost one database query.

A school home page must render in ≤ 10 queries without any cache (the tenant lookup, Wagtail's
routing and view-restriction checks already take 8). So the parts every page shows (menu,
urgent banner, branding) come from one query (`site_chrome`), and the home page's own blocks
(latest news, this week's pages, quick links, hero image) from one more (`home_blocks`): related
rows are folded into JSON arrays by PostgreSQL subqueries. Image renditions that do not exist
yet are generated once through Wagtail and found by the query from then on.
"""

import datetime as dt
import logging
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import Case, F, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce, JSONObject, NullIf
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.images.models import SourceImageIOError, get_rendition_storage
from wagtail.models import Page, Site

from sitepages import calendar
from sitepages.days import Day, week_days
from sitepages.home_weeks import weeks_shown
from sitepages.models import ContactPage, NewsKind, NewsPage, SchoolBranding
from sitepages.models.branding import DEFAULT_COLOUR, LOGO_FILTER
from sitepages.sections import SECTION_SLUGS
from sitepages.visibility import unrestricted_q

logger = logging.getLogger(__name__)
LATEST_NEWS = 6
URGENT_SHOWN = 3
HERO_WIDTHS = (480, 800, 1200)
HERO_FILTERS = tuple(f"fill-{width}x{width * 9 // 20}" for width in HERO_WIDTHS)
OSM_SEARCH = "https://www.openstreetmap.org/search"
WEEK_PAGE_TYPES = ("workschedulepage", "weeklyplanpage", "lessonregisterpage", "menupage")


@dataclass
class Link:
    title: str
    url: str
    slug: str = ""


@dataclass
class Chrome:
    menu: list[Link] = field(default_factory=list)
    urgent: list[dict] = field(default_factory=list)
    colour: str = DEFAULT_COLOUR
    footer_text: str = ""
    logo: dict | None = None  # {"url", "alt", "width", "height"}
    root_url_path: str = "/"
    site_name: str = ""
    # The school's official contacts from its Liên hệ page: address, phone, email, map_url,
    # office_hours (None until the page is published).
    contact: dict | None = None

    @property
    def map_link(self) -> str:
        """The contact page's map address, else a plain OpenStreetMap search for the address.

        A link, never an embedded map: no third-party script or tracker on a school's page.
        """
        if not self.contact:
            return ""
        if self.contact.get("map_url"):
            return self.contact["map_url"]
        address = " ".join((self.contact.get("address") or "").split())
        return f"{OSM_SEARCH}?{urlencode({'query': address})}" if address else ""


def relative_url(url_path: str, root_url_path: str) -> str:
    """`/trang-chu/tin-tuc/` → `/tin-tuc/` for a site whose root page is `/trang-chu/`."""
    if url_path.startswith(root_url_path):
        return "/" + url_path[len(root_url_path) :]
    return url_path


def _parse_datetime(value):
    return dt.datetime.fromisoformat(value) if value else None


def _rendition_url(name: str) -> str:
    return get_rendition_storage().url(name)


def _renditions(image_id: int, filters) -> ArraySubquery:
    rendition_model = get_image_model().get_rendition_model()
    return ArraySubquery(
        rendition_model.objects.filter(image_id=image_id, filter_spec__in=filters).values(
            json=JSONObject(spec="filter_spec", file="file", width="width", height="height")
        )
    )


def _image_renditions(image_id, filters, found: list[dict]) -> dict[str, dict]:
    """spec → {url, width, height}; generates (once) the renditions the query did not find."""
    by_spec = {row["spec"]: row for row in found or []}
    missing = [spec for spec in filters if spec not in by_spec]
    if missing:
        image = get_image_model().objects.filter(pk=image_id).first()
        try:
            made = image.get_renditions(*missing) if image else {}
        except SourceImageIOError:  # the original file is gone: show no image, not an error
            logger.warning("image %s has no readable file", image_id)
            made = {}
        for spec, rendition in made.items():
            by_spec[spec] = {
                "spec": spec,
                "file": rendition.file.name,
                "width": rendition.width,
                "height": rendition.height,
            }
    return {spec: {**row, "url": _rendition_url(row["file"])} for spec, row in by_spec.items()}


def site_chrome(*, site: Site, now: dt.datetime | None = None) -> Chrome:
    """Menu (fixed section order, then other menu pages), urgent banner, branding and the
    school's official contacts (its Liên hệ page), in one query."""
    now = now or timezone.now()
    in_site = {"path__startswith": OuterRef("root_page__path")}
    rank = Case(
        *(When(slug=slug, then=Value(index)) for index, slug in enumerate(SECTION_SLUGS)),
        default=Value(len(SECTION_SLUGS)),
        output_field=IntegerField(),
    )
    menu = (
        Page.objects.filter(
            live=True, show_in_menus=True, depth=OuterRef("root_page__depth") + 1, **in_site
        )
        .filter(unrestricted_q())
        .order_by(rank, "path")
        .values(json=JSONObject(title="title", url_path="url_path", slug="slug"))
    )
    urgent = (
        NewsPage.objects.filter(live=True, kind=NewsKind.URGENT, urgent_until__gt=now, **in_site)
        .filter(unrestricted_q())
        .order_by("-received_at")
        .values(json=JSONObject(title="title", url_path="url_path", received_at="received_at"))
    )[:URGENT_SHOWN]
    contact = (
        ContactPage.objects.filter(live=True, **in_site)
        .order_by("path")
        .values(
            json=JSONObject(
                address="address",
                phone="phone",
                email="email",
                map_url="map_url",
                office_hours="office_hours",
            )
        )
    )[:1]
    rendition_model = get_image_model().get_rendition_model()
    logo_file = rendition_model.objects.filter(
        image_id=OuterRef("logo_id"), filter_spec=LOGO_FILTER
    ).values(json=JSONObject(file="file", width="width", height="height"))[:1]
    branding = SchoolBranding.objects.filter(site_id=OuterRef("pk")).values(
        json=JSONObject(
            colour="colour",
            footer_text="footer_text",
            logo_id="logo_id",
            logo_alt="logo__description",
            logo_title="logo__title",
            logo=Subquery(logo_file),
        )
    )[:1]
    row = (
        Site.objects.filter(pk=site.pk)
        .values(
            "site_name",
            root_title=F("root_page__title"),
            root_url_path=F("root_page__url_path"),
            menu=ArraySubquery(menu),
            urgent=ArraySubquery(urgent),
            branding=Subquery(branding),
            contact=Subquery(contact),
        )
        .first()
    )
    if row is None:
        return Chrome()
    root = row["root_url_path"] or "/"
    row["menu"], row["urgent"] = row["menu"] or [], row["urgent"] or []
    chrome = Chrome(
        menu=[Link(m["title"], relative_url(m["url_path"], root), m["slug"]) for m in row["menu"]],
        urgent=[
            {
                "title": u["title"],
                "url": relative_url(u["url_path"], root),
                "received_at": _parse_datetime(u["received_at"]),
            }
            for u in row["urgent"]
        ],
        root_url_path=root,
        site_name=row["site_name"] or row["root_title"] or "",
        contact=row["contact"] if row["contact"] and any(row["contact"].values()) else None,
    )
    branding = row["branding"]
    if branding:
        chrome.colour = branding["colour"] or DEFAULT_COLOUR
        chrome.footer_text = branding["footer_text"]
        if branding["logo_id"]:
            found = [{"spec": LOGO_FILTER, **branding["logo"]}] if branding["logo"] else []
            logo = _image_renditions(branding["logo_id"], (LOGO_FILTER,), found).get(LOGO_FILTER)
            if logo:
                chrome.logo = {**logo, "alt": branding["logo_alt"] or branding["logo_title"]}
    return chrome


@dataclass
class WeekBlock:
    """One week on the home page: its label, its pages and its schedule's days."""

    monday: dt.date
    label: str  # "Tuần 13 (30/11 – 06/12/2026)"
    pages: list[dict]
    schedule_days: list[Day]
    coming: bool  # the coming week, shown first from Friday 12:00 (sitepages/home_weeks.py)


@dataclass
class HomeBlocks:
    news: list[dict]
    weeks: list[WeekBlock]  # the first is shown open, any other folded below it
    quick_links: list[Link]
    hero: dict | None

    @property
    def monday(self) -> dt.date:
        return self.weeks[0].monday


def _quick_link_page_ids(home) -> list[int]:
    ids = []
    for block in home.quick_links.raw_data:
        page_id = (block.get("value") or {}).get("page")
        if page_id:
            ids.append(int(page_id))
    return ids


def home_blocks(*, home, now: dt.datetime | None = None) -> HomeBlocks:
    """Latest news, the week's schedule/plan/register/menu (the coming week from Friday 12:00,
    the current one folded), quick links and hero renditions, in one query."""
    local_now = timezone.localtime(now or timezone.now())
    today = local_now.date()
    first, folded = weeks_shown(local_now)
    mondays = [first] if folded is None else [first, folded]
    in_site = Q(live=True, path__startswith=home.path) & unrestricted_q()
    news = (
        NewsPage.objects.filter(in_site)
        .order_by("-first_published_at", "-pk")
        .values(
            json=JSONObject(
                title="title",
                url_path="url_path",
                published="first_published_at",
                event_date="event_date",
                kind="kind",
                summary="summary",
            )
        )
    )[:LATEST_NEWS]
    in_weeks = Q()
    for name in WEEK_PAGE_TYPES:
        in_weeks |= Q(**{f"{name}__week_start__in": mondays})
    week_pages = (
        Page.objects.filter(in_site & in_weeks)
        .order_by("path")
        .values(
            json=JSONObject(
                title="title",
                url_path="url_path",
                model="content_type__model",
                entries="workschedulepage__entries",
                week_start=Coalesce(*(f"{name}__week_start" for name in WEEK_PAGE_TYPES)),
            )
        )
    )
    linked = Page.objects.filter(pk__in=_quick_link_page_ids(home), live=True).values(
        json=JSONObject(id="id", url_path="url_path")
    )
    annotations = {
        "news": ArraySubquery(news),
        "week": ArraySubquery(week_pages),
        "linked": ArraySubquery(linked),
    }
    if home.hero_image_id:
        annotations["hero"] = _renditions(home.hero_image_id, HERO_FILTERS)
        annotations["hero_alt"] = Subquery(
            get_image_model()
            .objects.filter(pk=home.hero_image_id)
            .values(alt=Coalesce(NullIf("description", Value("")), "title"))[:1]
        )
    row = Page.objects.filter(pk=home.pk).values(**annotations).get()
    for name in ("news", "week", "linked", "hero"):
        row[name] = row.get(name) or []  # an empty IN () makes PostgreSQL's ARRAY() NULL
    root = home.url_path
    weeks = []
    for monday in mondays:
        rows = [p for p in row["week"] if p["week_start"] == monday.isoformat()]
        weeks.append(
            WeekBlock(
                monday=monday,
                label=calendar.week_label(monday),
                pages=[
                    {"title": p["title"], "url": relative_url(p["url_path"], root)} for p in rows
                ],
                schedule_days=_schedule_days(rows, today, monday),
                coming=monday > today,
            )
        )
    return HomeBlocks(
        news=[
            {
                **item,
                "url": relative_url(item["url_path"], root),
                "published": _parse_datetime(item["published"]),
                "event_date": dt.date.fromisoformat(item["event_date"]),
                "urgent": item["kind"] == NewsKind.URGENT,
            }
            for item in row["news"]
        ],
        weeks=weeks,
        quick_links=_quick_links(home, {p["id"]: p["url_path"] for p in row["linked"]}, root),
        hero=_hero(home, row) if home.hero_image_id else None,
    )


def _schedule_days(week_rows, today, monday) -> list[Day]:
    """The work schedule's entries from today to Sunday, as days ("Thứ Hai 30/11")."""
    schedule = next((p for p in week_rows if p["model"] == "workschedulepage"), None)
    if not schedule or not schedule["entries"]:
        return []
    rows = [block.get("value") or {} for block in schedule["entries"]]
    from_weekday = today.weekday() if monday <= today else 0
    return week_days(monday, rows, from_weekday=from_weekday)


def _quick_links(home, url_paths: dict[int, str], root: str) -> list[Link]:
    links = []
    for block in home.quick_links.raw_data:
        value = block.get("value") or {}
        page_id = value.get("page")
        if page_id and int(page_id) in url_paths:
            links.append(Link(value.get("title", ""), relative_url(url_paths[int(page_id)], root)))
        elif value.get("url"):
            links.append(Link(value.get("title", ""), value["url"]))
    return links


def _hero(home, row) -> dict | None:
    renditions = _image_renditions(home.hero_image_id, HERO_FILTERS, row.get("hero"))
    if any(spec not in renditions for spec in HERO_FILTERS):
        return None
    ordered = [renditions[spec] for spec in HERO_FILTERS]
    return {
        "src": ordered[1]["url"],
        "width": ordered[1]["width"],
        "height": ordered[1]["height"],
        "srcset": ", ".join(f"{r['url']} {r['width']}w" for r in ordered),
        "alt": row.get("hero_alt") or "",
    }
