"""The demo's publishing history goes through Wagtail's real publication path at simulated
moments, and the profiles produce the verdicts the demo promises."""

import datetime as dt

import pytest
import time_machine
from django_tenants.utils import schema_context
from wagtail.models import PageLogEntry

from compliance.services.evaluation import school_evaluate
from demo.history import school_history_load
from tenants.schoolcalendar.localtime import LOCAL_TZ
from tests.factories import school_make

pytestmark = pytest.mark.django_db
UNTIL = dt.datetime(2026, 11, 4, 12, 0, tzinfo=LOCAL_TZ)


def test_diligent_and_stopped_schools_get_the_history_their_profile_says(authority):
    diligent = school_make(authority=authority, levels="primary", name="TH Chăm Chỉ")
    stopped = school_make(authority=authority, levels="primary", name="TH Bỏ Dở")
    since = dt.date(2026, 9, 28)
    assert (
        school_history_load(
            school=diligent, profile_name="diligent", since=since, until=UNTIL, log=lambda *_: None
        )
        > 20
    )
    school_history_load(
        school=stopped,
        profile_name="stopped-october",
        since=since,
        until=UNTIL,
        log=lambda *_: None,
    )
    with schema_context(stopped.schema_name):
        published = PageLogEntry.objects.filter(action="wagtail.publish", user__isnull=False)
        assert published.exists()
        assert max(published.values_list("timestamp", flat=True)) < dt.datetime(
            2026, 10, 12, tzinfo=LOCAL_TZ
        )
    # Re-running creates nothing twice.
    assert (
        school_history_load(
            school=diligent, profile_name="diligent", since=since, until=UNTIL, log=lambda *_: None
        )
        == 0
    )
    diligent.refresh_from_db()
    stopped.refresh_from_db()
    assert diligent.created_at <= dt.datetime(2026, 9, 28, tzinfo=LOCAL_TZ)
    # evaluated as of the history's end, not the real date (a later school year has no history)
    with time_machine.travel(UNTIL, tick=False):
        on_time = school_evaluate(school=diligent).summary
        late_or_missing = school_evaluate(school=stopped).summary
    assert on_time["on_time"] > late_or_missing["on_time"]
    assert late_or_missing["missing"] > on_time["missing"]


@pytest.mark.parametrize(
    ("since", "message"),
    [
        ("08/01/2026x", "--since: “08/01/2026x” không phải là một ngày hợp lệ"),
        ("31/02/2026", "--since: Ngày 31/02/2026 không có thật: tháng 2/2026 chỉ có 28 ngày"),
        ("01/01/2099", "--since: 01/01/2099 là ngày trong tương lai."),
    ],
)
def test_load_demo_history_explains_a_bad_since_day(authority, since, message):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match=message):
        call_command("load_demo_history", authority=authority.code, since=since)


def test_the_history_reads_like_a_real_school_year():
    import random

    from demo.history import PROFILES, _plan_events
    from tenants.models import School

    school = School(name="TH Thử", code="th-thu", levels=["primary"], serves_meals=False)
    events = _plan_events(
        school,
        PROFILES["patchy"],
        dt.date(2026, 8, 1),
        dt.datetime(2026, 12, 1, tzinfo=LOCAL_TZ),
        random.Random(1),
    )
    opening = [e for e in events if e.label.startswith("news: Lễ khai giảng")]
    assert [e.at.date() for e in opening] == [dt.date(2026, 9, 5)]  # once, on 05/09
    teachers_day = [e for e in events if "20/11" in e.label]
    assert [e.at.date() for e in teachers_day] == [dt.date(2026, 11, 20)]
    assert sum(e.label == "news" for e in events) > 10  # the weekly news besides


@pytest.mark.parametrize(
    ("levels", "classes"),
    [({"primary"}, ["1A", "2A", "3A", "4A", "5A"]), ({"lower_secondary"}, ["6A", "6B", "7A"])],
)
def test_the_demo_timetable_lets_parents_pick_a_class(levels, classes):
    """The demo's timetable carries the school's whole grid, so the class picker has classes."""
    from demo.texts import timetable_grid
    from sitepages.class_timetables import grid_classes

    offered = grid_classes(timetable_grid(levels))
    assert list(offered)[: len(classes)] == classes
    assert [day.label for day in offered[classes[0]]][:2] == ["Thứ Hai", "Thứ Ba"]
    assert offered[classes[0]][0].lessons[0] == ("Tiết 1", "Chào cờ")
