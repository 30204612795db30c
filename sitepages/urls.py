"""School-site URLs served before Wagtail's page serving (feeds, sitemap, robots, search, /en/,
the follow page and its e-mail subscription links)."""

from django.urls import path
from wagtail.contrib.sitemaps.views import sitemap

from sitepages import views
from sitepages.feeds import NewsAtomFeed, NewsFeed
from sitepages.subscriptions import views as follow_views

urlpatterns = [
    path("robots.txt", views.robots_txt, name="sitepages_robots"),
    path("sitemap.xml", sitemap, name="sitepages_sitemap"),
    path("tin-tuc/feed/", NewsFeed(), name="sitepages_news_feed"),
    path("tin-tuc/feed/atom/", NewsAtomFeed(), name="sitepages_news_atom"),
    path("tim-kiem/", views.search, name="sitepages_search"),
    path("en/", views.english, name="sitepages_english"),
    path("theo-doi/", follow_views.follow, name="sitepages_follow"),
    path("theo-doi/dang-ky/", follow_views.subscribe, name="sitepages_subscribe"),
    path(
        "theo-doi/xac-nhan/<str:token>/",
        follow_views.confirm,
        name="sitepages_subscription_confirm",
    ),
    path("theo-doi/huy/<str:token>/", follow_views.unsubscribe, name="sitepages_unsubscribe"),
]
