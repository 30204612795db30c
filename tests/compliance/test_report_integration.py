"""Real Wagtail pages published in a school's schema at controlled moments (time-machine moves
the clock, so Wagtail records those moments as server time), judged by `compliance_report`."""

import datetime as dt
import json

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError
from django_tenants.utils import schema_context

from sitepages import models as m
from tenants.schoolcalendar.localtime import LOCAL_TZ
from tests.factories import PLAN_TEXT, SCHEDULE_ENTRY, school_make

pytestmark = pytest.mark.django_db


def local(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=LOCAL_TZ)


def publish_at(moment, parent_model, page):
    with time_machine.travel(moment, tick=False):
        parent = parent_model.objects.get()
        page.live = False
        parent.add_child(instance=page)
        page.save_revision().publish()
    return page


def republish_at(moment, page, **changes):
    with time_machine.travel(moment, tick=False):
        page = type(page).objects.get(pk=page.pk)
        for name, value in changes.items():
            setattr(page, name, value)
        page.save_revision().publish()


@pytest.fixture
def october_school(authority):
    with time_machine.travel(local(2026, 10, 1, 8), tick=False):
        return school_make(authority=authority, levels="primary", name="Trường TH Thử Giờ")


def report(school, at: str) -> dict:
    from io import StringIO

    out = StringIO()
    call_command("compliance_report", school=school.schema_name, at=at, format="json", stdout=out)
    return json.loads(out.getvalue())


def find(data, rule, period_key):
    return next(
        o for o in data["obligations"] if o["rule"] == rule and o["period_key"] == period_key
    )


def test_deadlines_to_the_second_moves_and_the_months_category(october_school):
    school = october_school
    with schema_context(school.schema_name):
        # Monday 12/10 (ISO week 42): one second before the 12:00 deadline, then one after.
        publish_at(
            local(2026, 10, 12, 11, 59, 59),
            m.PlanIndexPage,
            m.WeeklyPlanPage(
                title="KH tuần 12/10", week_start=dt.date(2026, 10, 12), body=PLAN_TEXT
            ),
        )
        publish_at(
            local(2026, 10, 19, 12, 0, 1),
            m.PlanIndexPage,
            m.WeeklyPlanPage(
                title="KH tuần 19/10", week_start=dt.date(2026, 10, 19), body=PLAN_TEXT
            ),
        )
        # A work schedule published for week 42, then edited to point at week 43 on Tuesday.
        moved = publish_at(
            local(2026, 10, 12, 8),
            m.ScheduleIndexPage,
            m.WorkSchedulePage(
                title="Lịch tuần", week_start=dt.date(2026, 10, 12), entries=[SCHEDULE_ENTRY]
            ),
        )
        republish_at(local(2026, 10, 20, 9), moved, week_start=dt.date(2026, 10, 19))
        # November's monthly plan one minute before 1 November 00:00.
        publish_at(
            local(2026, 10, 31, 23, 59),
            m.PlanIndexPage,
            m.MonthlyPlanPage(title="KH tháng 11", month=dt.date(2026, 11, 1), body=PLAN_TEXT),
        )

    data = report(school, "2026-10-26T10:00")
    assert data["as_of"].startswith("2026-10-26T03:00")
    assert set(data["rulesets"]) == {"letter-2015", "tt09-2024", "tt37-2020"}

    on_time = find(data, "weekly-plan", "2026-W42")
    assert on_time["status"] == "on_time"
    assert on_time["evidence"][0]["title"] == "KH tuần 12/10"
    late = find(data, "weekly-plan", "2026-W43")
    assert late["status"] == "late" and late["late_by"] == 1.0

    assert find(data, "work-schedule", "2026-W42")["status"] == "on_time"  # live across 12:00
    moved_late = find(data, "work-schedule", "2026-W43")
    assert moved_late["status"] == "late"  # counts from the edit's publication, not the first
    assert moved_late["satisfied_at"].startswith("2026-10-20T02:00")

    # October's plan was due before the school joined on 1 October 08:00: not owed.
    assert not any(
        o["rule"] == "monthly-plan" and o["period_key"] == "2026-10" for o in data["obligations"]
    )
    assert find(data, "lesson-register", "2026-W42")["status"] == "missing"  # never published
    assert data["summary"]["month"] == "2026-10"
    assert data["summary"]["category"] == "incomplete"

    # Re-evaluating an earlier moment uses only what was known then.
    before = report(school, "2026-10-19T12:00")
    assert find(before, "weekly-plan", "2026-W43")["status"] == "pending"
    # The November plan, known by 1 November, was on time.
    november = report(school, "2026-11-02T08:00")
    assert find(november, "monthly-plan", "2026-11")["status"] == "on_time"


def test_unpublish_then_republish_counts_from_the_republish(october_school):
    school = october_school
    with schema_context(school.schema_name):
        page = publish_at(
            local(2026, 10, 5, 9),
            m.PlanIndexPage,
            m.WeeklyPlanPage(
                title="KH tuần 12/10", week_start=dt.date(2026, 10, 12), body=PLAN_TEXT
            ),
        )
        with time_machine.travel(local(2026, 10, 9, 9), tick=False):
            m.WeeklyPlanPage.objects.get(pk=page.pk).unpublish()
        republish_at(local(2026, 10, 13, 8), page)
    data = report(school, "2026-10-14T08:00")
    judged = find(data, "weekly-plan", "2026-W42")
    assert judged["status"] == "late"
    assert judged["satisfied_at"].startswith("2026-10-13T01:00")


def test_table_output_in_vietnamese_and_english(october_school):
    from io import StringIO

    vi, en = StringIO(), StringIO()
    call_command(
        "compliance_report", school=october_school.schema_name, at="2026-10-26T10:00", stdout=vi
    )
    call_command(
        "compliance_report",
        school=october_school.schema_name,
        at="2026-10-26T10:00",
        lang="en",
        stdout=en,
    )
    assert "Kế hoạch tuần" in vi.getvalue() and "thiếu" in vi.getvalue()
    assert "missing" in en.getvalue() and "Weekly plan" in en.getvalue()


def test_a_scheduled_page_counts_from_when_it_actually_went_live(october_school):
    from tenants.tasks import publish_scheduled_in_school

    school = october_school
    with schema_context(school.schema_name):
        with time_machine.travel(local(2026, 10, 9, 16), tick=False):
            parent = m.PlanIndexPage.objects.get()
            page = m.WeeklyPlanPage(
                title="KH tuần 12/10",
                week_start=dt.date(2026, 10, 12),
                live=False,
                body=PLAN_TEXT,
            )
            parent.add_child(instance=page)
            page.go_live_at = local(2026, 10, 12, 7)
            page.save_revision().publish()  # scheduled, not live yet
    with time_machine.travel(local(2026, 10, 12, 7, 5), tick=False):
        publish_scheduled_in_school.run(school.schema_name)
    judged = find(report(school, "2026-10-13T08:00"), "weekly-plan", "2026-W42")
    assert judged["status"] == "on_time"
    assert judged["satisfied_at"].startswith("2026-10-12T00:05")


def test_the_moment_is_typed_day_first_or_iso_and_bad_ones_are_explained(october_school):
    assert report(october_school, "14/10/2026 08:00") == report(october_school, "2026-10-14T08:00")
    with pytest.raises(
        CommandError, match="--at: Ngày 10/14/2026 không có thật: không có tháng 14"
    ):
        report(october_school, "10/14/2026 08:00")
    with pytest.raises(CommandError, match="là thời điểm trong tương lai"):
        report(october_school, "01/01/2099 08:00")
