"""The compliance panel in a school's Wagtail admin, fed by the stored results, with a button
that creates the page for a missing period."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
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


def _result(school, rule, period_key, due_at, status, *, kind="periodic", evidence=()):
    return ObligationResult.objects.create(
        school=school,
        ruleset="letter-2015",
        rule=rule,
        period_key=period_key,
        kind=kind,
        month=due_at.astimezone(VN).strftime("%Y-%m"),
        due_at=due_at,
        status=status,
        evidence=list(evidence),
    )


VN = ZoneInfo("Asia/Ho_Chi_Minh")
# Thursday 03/12/2026 09:00: this week is week 13 (30/11), next week 14 (07/12)
NOW = dt.datetime(2026, 12, 3, 9, 0, tzinfo=VN)


@pytest.mark.django_db
def test_one_panel_this_week_next_week_older_with_a_button_per_row(client, school):
    monday = dt.datetime(2026, 11, 30, 12, 0, tzinfo=VN)
    _result(school, "weekly-plan", "2026-W49", monday, "missing")
    ObligationResult.objects.filter(rule="weekly-plan", period_key="2026-W49").update(
        reason="Trang “Kế hoạch tuần 13” chưa có nội dung hoặc tệp đính kèm"
    )
    _result(school, "weekly-plan", "2026-W50", monday + dt.timedelta(days=7), "pending")
    _result(school, "weekly-plan", "2026-W45", monday - dt.timedelta(days=28), "missing")
    _result(school, "weekly-plan", "2026-W47", monday - dt.timedelta(days=14), "on_time")
    # last week's news, due at this Monday 00:00: last week's problem, not this week's task
    _result(
        school, "news-weekly", "2026-W48", dt.datetime(2026, 11, 30, 0, 0, tzinfo=VN), "missing",
        kind="frequency",
    )  # fmt: skip
    news = {"page_id": 41, "title": "Hội thi văn nghệ chào mừng 20/11", "url": "http://x/tin/"}
    _result(
        school, "news-weekly", "2026-W49", dt.datetime(2026, 12, 7, 0, 0, tzinfo=VN), "pending",
        kind="frequency", evidence=[news],
    )  # fmt: skip
    # An always-present rule: due_at is when it was last checked, not a deadline.
    _result(school, "organisation", "2026-12-03", NOW, "missing", kind="always_present")
    SchoolEvaluation.objects.create(
        school=school, as_of=NOW, evaluated_at=NOW, summary={}, month_category="incomplete"
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
    with time_machine.travel(NOW, tick=False):
        page = client.get("/admin/", HTTP_HOST=host)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Việc cần làm" not in text  # the second, calendar-less panel is gone
    this_week = text[text.index('id="tuan-nay"') : text.index('id="tuan-sau"')]
    next_week = text[text.index('id="tuan-sau"') : text.index("Việc cũ còn thiếu")]
    older = text[text.index("Việc cũ còn thiếu") :]
    assert "Tuần này — Tuần 13 (30/11 – 06/12/2026)" in this_week
    assert "Tuần 13 (30/11 – 06/12/2026)" in this_week and "thiếu" in this_week
    assert 'name="period" value="2026-11-30"' in this_week
    assert "1/2 tin tuần này" in this_week and "Đăng tin" in this_week
    assert "/admin/pages/add/sitepages/newspage/" in this_week
    assert "Tuần 14 (07/12 – 13/12/2026)" in next_week
    assert "Tuần 12" not in this_week and "Tuần 12 (23/11 – 29/11/2026)" in older
    # why a row is not done reads on a touch screen too, not only in a tooltip
    assert "<summary>Vì sao?</summary>" in this_week
    assert "“Kế hoạch tuần 13” chưa có nội dung" in this_week
    assert 'name="period" value="2026-12-07"' in next_week
    assert "<details" in text and "Tuần 9 (02/11 – 08/11/2026)" in older
    assert "Tuần 11" not in text  # on time and past: nothing to do
    assert "2026-W" not in text  # machine keys never shown
    assert "<td>thường xuyên</td>" in text and "<td>03/12/2026 09:00</td>" not in text
    created = client.post(
        "/admin/viec-can-lam/tao/", {"kind": "weekly-plan", "period": "2026-11-30"}, HTTP_HOST=host
    )
    assert created.status_code == 302
    with schema_context(school.schema_name):
        from sitepages.models import WeeklyPlanPage

        draft = WeeklyPlanPage.objects.get(week_start=dt.date(2026, 11, 30))
        assert not draft.live
        assert draft.title == "Kế hoạch tuần 13 (30/11 – 06/12/2026)"
