"""The compliance panel in a school's Wagtail admin, fed by the stored results, with a button
that creates the page for a missing period."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from django_tenants.utils import schema_context

from compliance.admin_panel import sitepages_period_key
from compliance.models import ObligationResult, SchoolEvaluation
from sitepages.roles import PRINCIPAL_GROUP


def test_period_keys_become_the_create_actions_periods():
    assert sitepages_period_key("2026-W47") == "2026-11-16"
    assert sitepages_period_key("2026-11") == "2026-11-01"
    assert sitepages_period_key("2026-2027") == "2026"
    assert sitepages_period_key("2026-2027/S2") == "2026-2"
    assert sitepages_period_key("page:12") is None


@pytest.mark.django_db
def test_panel_lists_what_is_missing_and_creates_the_page(client, school):
    now = timezone.now()
    ObligationResult.objects.create(
        school=school,
        ruleset="letter-2015",
        rule="weekly-plan",
        period_key="2026-W47",
        kind="periodic",
        month="2026-11",
        due_at=now - dt.timedelta(days=2),
        status="missing",
    )
    ObligationResult.objects.create(
        school=school,
        ruleset="letter-2015",
        rule="news-weekly",
        period_key="2026-W40",
        kind="frequency",
        month="2026-10",
        due_at=now - dt.timedelta(days=50),
        status="on_time",
    )
    SchoolEvaluation.objects.create(
        school=school, as_of=now, evaluated_at=now, summary={}, month_category="incomplete"
    )
    with schema_context(school.schema_name):
        user = get_user_model().objects.create_user("ht@truong.edu.vn", password="mat-khau-dai-1")
        user.groups.add(Group.objects.get(name=PRINCIPAL_GROUP))
    host = school.provisioned.domain
    client.post(
        "/admin/login/",
        {"username": "ht@truong.edu.vn", "password": "mat-khau-dai-1"},
        HTTP_HOST=host,
    )
    page = client.get("/admin/", HTTP_HOST=host)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Đánh giá cập nhật website" in text
    assert "2026-W47" in text and "thiếu" in text
    assert "2026-W40" not in text  # on time: nothing to do
    assert 'name="period" value="2026-11-16"' in text
    created = client.post(
        "/admin/viec-can-lam/tao/", {"kind": "weekly-plan", "period": "2026-11-16"}, HTTP_HOST=host
    )
    assert created.status_code == 302
    with schema_context(school.schema_name):
        from sitepages.models import WeeklyPlanPage

        draft = WeeklyPlanPage.objects.get(week_start=dt.date(2026, 11, 16))
        assert not draft.live
