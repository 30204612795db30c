"""Pages behind a password or a restricted view are not public: they are no compliance evidence
and their titles do not appear in the parents' listings and feeds (security issue)."""

import datetime as dt

import pytest
from django.utils import timezone
from django_tenants.utils import schema_context
from wagtail.models import PageViewRestriction

from compliance.evidence_reader import evidence_snapshot
from sitepages import models as m
from tests.factories import PLAN_TEXT
from tests.sitepages.helpers import publish_child

pytestmark = pytest.mark.django_db


def snapshot_page_ids(school) -> set[int]:
    snap = evidence_snapshot(
        levels=school.levels,
        serves_meals=False,
        taken_at=timezone.now() + dt.timedelta(seconds=1),
        site_url="https://example.test",
    )
    return {item.page_id for item in snap.items}


def test_a_password_protected_page_is_no_evidence_and_is_not_listed(client, school):
    host = school.provisioned.domain
    with schema_context(school.schema_name):
        news_index = m.NewsIndexPage.objects.get()
        open_news = publish_child(
            news_index, m.NewsPage(title="Lễ khai giảng năm học mới", body=PLAN_TEXT)
        )
        hidden = publish_child(
            news_index, m.NewsPage(title="Tin nội bộ có mật khẩu", body=PLAN_TEXT)
        )
        plan = publish_child(
            m.PlanIndexPage.objects.get(),
            m.WeeklyPlanPage(title="KH tuần kín", week_start=dt.date(2026, 11, 30), body=PLAN_TEXT),
        )
        assert {open_news.pk, hidden.pk, plan.pk} <= snapshot_page_ids(school)
        PageViewRestriction.objects.create(
            page=hidden, restriction_type=PageViewRestriction.PASSWORD, password="bimat"
        )
        PageViewRestriction.objects.create(
            page=m.PlanIndexPage.objects.get(), restriction_type="login"
        )
        found = snapshot_page_ids(school)
        assert open_news.pk in found
        assert hidden.pk not in found  # its own password
        assert plan.pk not in found  # an ancestor's login restriction
        listing_url = news_index.url
    listing = client.get(listing_url, HTTP_HOST=host).content.decode()
    assert "Lễ khai giảng năm học mới" in listing
    assert "Tin nội bộ có mật khẩu" not in listing
    feed = client.get("/tin-tuc/feed/", HTTP_HOST=host)
    assert feed.status_code == 200
    assert "Lễ khai giảng năm học mới" in feed.content.decode()
    assert "Tin nội bộ có mật khẩu" not in feed.content.decode()
    home = client.get("/", HTTP_HOST=host).content.decode()
    assert "Tin nội bộ có mật khẩu" not in home
