"""School-site URLs served before Wagtail's page serving (feeds, sitemap, robots, search, /en/)."""

from django.urls import path
from wagtail.contrib.sitemaps.views import sitemap

from sitepages import views
from sitepages.feeds import NewsAtomFeed, NewsFeed

urlpatterns = [
    path("robots.txt", views.robots_txt, name="sitepages_robots"),
    path("sitemap.xml", sitemap, name="sitepages_sitemap"),
    path("tin-tuc/feed/", NewsFeed(), name="sitepages_news_feed"),
    path("tin-tuc/feed/atom/", NewsAtomFeed(), name="sitepages_news_atom"),
    path("tim-kiem/", views.search, name="sitepages_search"),
    path("en/", views.english, name="sitepages_english"),
]
