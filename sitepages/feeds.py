"""RSS and Atom feeds of a school's news (`/tin-tuc/feed/`, `/tin-tuc/feed/atom/`)."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from wagtail.models import Site

from sitepages.models import NewsPage

FEED_ITEMS = 20


class NewsFeed(Feed):
    description = "Tin tức, thông báo mới nhất của nhà trường."
    language = "vi"

    def get_object(self, request, *args, **kwargs):
        return Site.find_for_request(request)

    def title(self, site):
        return f"Tin tức – {site.site_name or site.hostname}" if site else "Tin tức"

    def link(self, site):
        return "/tin-tuc/"

    def items(self, site):
        if site is None:
            return NewsPage.objects.none()
        return (
            NewsPage.objects.live()
            .public()
            .public()
            .descendant_of(site.root_page)
            .order_by("-first_published_at", "-pk")[:FEED_ITEMS]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary or item.search_description

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [item.get_kind_display()]


class NewsAtomFeed(NewsFeed):
    feed_type = Atom1Feed
    subtitle = NewsFeed.description
