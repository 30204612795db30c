"""Publishing purges the front cache of every page that shows the change, for that school only."""

import datetime as dt

import pytest
from django.utils import timezone
from django_tenants.utils import schema_context
from wagtail.contrib.frontend_cache.backends.base import BaseBackend

from sitepages import models as m
from tests.factories import school_make
from tests.sitepages.helpers import publish_child

pytestmark = pytest.mark.django_db
PURGED: list[str] = []


class RecordingBackend(BaseBackend):
    def purge(self, url):
        PURGED.append(url)


@pytest.fixture
def purged(settings):
    settings.WAGTAILFRONTENDCACHE = {
        "test": {"BACKEND": "tests.sitepages.test_front_cache.RecordingBackend"}
    }
    PURGED.clear()
    return PURGED


def test_publishing_news_purges_its_lists_home_feed_and_sitemap(
    school, authority, purged, django_capture_on_commit_callbacks
):
    other = school_make(authority=authority)
    host = school.provisioned.domain
    with schema_context(school.schema_name), django_capture_on_commit_callbacks(execute=True):
        news = m.NewsIndexPage.objects.get()
        publish_child(news, m.NewsPage(title="Khai giảng", body="<p>x</p>"))
    urls = set(purged)
    assert f"http://{host}/tin-tuc/khai-giang/" in urls  # Wagtail's own purge
    assert {
        f"http://{host}/",
        f"http://{host}/tin-tuc/",
        f"http://{host}/tin-tuc/?loai=urgent",
        f"http://{host}/tin-tuc/?loai=thong-bao",
        f"http://{host}/tin-tuc/?loai=album",
        f"http://{host}/sitemap.xml",
        f"http://{host}/tin-tuc/feed/",
    } <= urls
    assert f"http://{host}/lien-he/" not in urls  # an ordinary item is not on every page
    assert not any(other.provisioned.domain in url for url in urls)


def test_urgent_notice_and_branding_purge_the_whole_site(
    school, purged, django_capture_on_commit_callbacks
):
    host = school.provisioned.domain
    with schema_context(school.schema_name), django_capture_on_commit_callbacks(execute=True):
        publish_child(
            m.NewsIndexPage.objects.get(),
            m.NewsPage(
                title="Nghỉ học",
                kind="urgent",
                body="<p>x</p>",
                received_at=timezone.now() - dt.timedelta(minutes=5),
            ),
        )
    assert {f"http://{host}/lien-he/", f"http://{host}/gop-y/", f"http://{host}/"} <= set(purged)
    purged.clear()
    with schema_context(school.schema_name), django_capture_on_commit_callbacks(execute=True):
        site = m.HomePage.objects.get().get_site()
        m.SchoolBranding.objects.update_or_create(site=site, defaults={"colour": "#14532d"})
    assert f"http://{host}/cong-khai/" in purged and f"http://{host}/en/" in purged


def test_nothing_is_sent_without_a_front_cache(school, django_capture_on_commit_callbacks):
    with schema_context(school.schema_name), django_capture_on_commit_callbacks() as callbacks:
        publish_child(m.NewsIndexPage.objects.get(), m.NewsPage(title="Tin", body="<p>x</p>"))
    assert not any("sitepages" in getattr(c, "__module__", "") for c in callbacks)
