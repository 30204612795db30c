"""The news section as parents read it: filters in their words, and "Tin liên quan".

A parent does not think in the compliance kinds (ordinary / topical / urgent): the news list
offers "Thông báo" (the school's notices: urgent ones, and news whose title says it is one,
"Thông báo lịch họp phụ huynh…", as schools title them), "Tin hoạt động" (what happened: the
other ordinary and topical news) and "Album ảnh" (photo albums), each a plain link
`?loai=<slug>` that works without JavaScript. The compliance kinds (`?loai=urgent`…) are still read, for
links made before.

`news_items(parent=…, slug=…)` — the live, public children of a news section (or of a content
page holding albums) for one filter, newest first, as specific pages. `news_related(page=…)`
— up to three other items of the same filter, newest first.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from sitepages.models import AlbumPage, NewsKind

RELATED_COUNT = 3


@dataclass(frozen=True)
class NewsFilter:
    slug: str  # the value of ?loai= ("" for all)
    label: str
    kinds: tuple[str, ...] = ()  # news kinds shown (empty: none)
    albums: bool = False  # whether albums are shown
    titled_notices: bool | None = None  # True: also news titled "Thông báo…"; False: not them

    def q(self) -> Q:
        """Which children of a section this filter shows (Page rows: `newspage`, `albumpage`)."""
        if not self.slug:
            return Q(newspage__isnull=False) | Q(albumpage__isnull=False)
        shown = Q(pk__in=[])
        if self.kinds:
            kinds = Q(newspage__kind__in=self.kinds)
            if self.titled_notices is False:
                kinds &= ~NOTICE_TITLE
            shown |= kinds
        if self.titled_notices:
            shown |= Q(newspage__isnull=False) & NOTICE_TITLE
        if self.albums:
            shown |= Q(albumpage__isnull=False)
        return shown


# How schools title a notice that is not urgent ("Thông báo tuyển sinh lớp 6…").
NOTICE_PREFIX = "Thông báo"
NOTICE_TITLE = Q(title__istartswith=NOTICE_PREFIX)

ALL = NewsFilter("", _("Tất cả"), kinds=tuple(NewsKind.values), albums=True)
NOTICES = NewsFilter("thong-bao", _("Thông báo"), kinds=(NewsKind.URGENT,), titled_notices=True)
ACTIVITIES = NewsFilter(
    "hoat-dong",
    _("Tin hoạt động"),
    kinds=(NewsKind.ORDINARY, NewsKind.TOPICAL),
    titled_notices=False,
)
ALBUMS = NewsFilter("album", _("Album ảnh"), albums=True)
FILTERS = (ALL, NOTICES, ACTIVITIES, ALBUMS)
# ?loai=urgent and the other compliance kinds, as the list offered them before.
LEGACY = {kind.value: NewsFilter(kind.value, kind.label, kinds=(kind.value,)) for kind in NewsKind}


def news_filter(slug: str | None) -> NewsFilter:
    """The filter named by `?loai=` (unknown or missing: all)."""
    by_slug = {item.slug: item for item in FILTERS}
    return by_slug.get(slug or "") or LEGACY.get(slug or "") or ALL


def news_filter_of(page) -> NewsFilter:
    """The parents' filter a news item or album belongs to."""
    if isinstance(page, AlbumPage):
        return ALBUMS
    if getattr(page, "kind", None) == NewsKind.URGENT or is_titled_notice(page.title):
        return NOTICES
    return ACTIVITIES


def is_titled_notice(title: str) -> bool:
    """The Python side of `NOTICE_TITLE` (case-insensitive prefix)."""
    return (title or "").casefold().startswith(NOTICE_PREFIX.casefold())


def news_items(*, parent: Page, slug: str | None = None):
    """Live, public news items and albums under `parent` for the filter `slug`, newest first
    (a queryset of specific pages: one query per page type on evaluation)."""
    return (
        Page.objects.live()
        .public()
        .child_of(parent)
        .filter(news_filter(slug).q())
        .order_by("-first_published_at", "-pk")
        .specific()
    )


def news_related(*, page: Page, limit: int = RELATED_COUNT) -> list[Page]:
    """Up to `limit` other live items of `page`'s filter under the same parent, newest first."""
    parent = page.get_parent()
    if parent is None:
        return []
    items = news_items(parent=parent, slug=news_filter_of(page).slug).exclude(pk=page.pk)
    return list(items[:limit])
