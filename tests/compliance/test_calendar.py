from datetime import date

import pytest

from compliance.engine import (
    BreakLabel,
    BreakWeek,
    SchoolCalendar,
    SchoolYear,
    default_calendar,
    default_school_year,
    school_year_with_breaks,
)
from tenants.schoolcalendar.calendar import tet_break_mondays
from tenants.schoolcalendar.lunar import TET_DAY_ONE
from tenants.schoolcalendar.periods import monday_of


def test_default_2026_2027_follows_the_ministry_frame():
    year = default_school_year(school_year_start=2026)
    # 5/9/2026 is a Saturday: teaching starts the following Monday, which is week 1.
    assert year.s1_first == date(2026, 9, 7)
    assert year.teaching_weeks[0] == (1, date(2026, 9, 7))
    assert year.teaching_weeks[17] == (18, date(2027, 1, 4))
    assert year.s1_last == date(2027, 1, 15)
    # Semester 2 starts the first Monday on or after 15 January.
    assert year.s2_first == date(2027, 1, 18)
    assert year.teaching_weeks[18] == (19, date(2027, 1, 18))
    assert year.s2_last == date(2027, 5, 28)
    assert len(year.teaching_weeks) == 35
    assert [(b.monday, b.label) for b in year.breaks] == [
        (date(2027, 1, 11), BreakLabel.EXAM_REVIEW),
        (date(2027, 2, 1), BreakLabel.TET),  # Tết 6/2/2027 is a Saturday: its week
        (date(2027, 2, 8), BreakLabel.TET),  # … and the week after
    ]


def test_default_2025_2026_opens_in_the_week_containing_5_september():
    year = default_school_year(school_year_start=2025)
    assert year.s1_first == date(2025, 9, 5)  # a Friday
    assert year.week_number(date(2025, 9, 1)) == 1  # the week containing it is week 1
    assert year.s2_first == date(2026, 1, 19)  # as Hồ Chí Minh City fixed it
    tet = [b.monday for b in year.breaks if b.label == BreakLabel.TET]
    assert tet == [date(2026, 2, 9), date(2026, 2, 16)]  # Tết on a Tuesday: week before + its week


def test_tet_break_choice():
    assert tet_break_mondays(lunar_new_year=date(2026, 2, 17)) == (
        date(2026, 2, 9),
        date(2026, 2, 16),
    )
    assert tet_break_mondays(lunar_new_year=date(2027, 2, 6)) == (
        date(2027, 2, 1),
        date(2027, 2, 8),
    )
    # Wednesday: the week before; Thursday: the week after.
    assert tet_break_mondays(lunar_new_year=date(2020, 1, 22)) == (
        date(2020, 1, 13),
        date(2020, 1, 20),
    )
    assert tet_break_mondays(lunar_new_year=date(2015, 2, 19)) == (
        date(2015, 2, 16),
        date(2015, 2, 23),
    )


@pytest.mark.parametrize("start", range(2014, 2040))
def test_every_default_year_has_35_teaching_weeks_and_a_tet_break(start):
    year = default_school_year(school_year_start=start)
    assert len(year.teaching_weeks) == 35
    assert [n for n, _ in year.teaching_weeks] == list(range(1, 36))
    assert year.s2_last <= date(start + 1, 5, 31)
    tet = TET_DAY_ONE[start + 1]
    assert year.week_number(tet) is None
    assert year.break_week(monday_of(tet)).label == BreakLabel.TET


def test_break_weeks_are_not_numbered():
    base = default_school_year(school_year_start=2026)
    year = school_year_with_breaks(
        base=base, extra=[BreakWeek(date(2026, 11, 2), BreakLabel.MID_TERM)]
    )
    assert base.week_number(date(2026, 11, 4)) == 9
    assert year.week_number(date(2026, 11, 4)) is None
    assert year.week_number(date(2026, 11, 9)) == 9  # numbering resumes after the break
    assert len(year.teaching_weeks) == 34


def test_week_outside_both_semesters_is_not_a_teaching_week():
    year = default_school_year(school_year_start=2026)
    assert year.week_number(date(2026, 8, 31)) is None
    assert year.week_number(date(2027, 5, 31)) is None
    # Exam review closes semester 1 but is a break week: no number, no weekly obligation.
    assert year.semester_of_week(date(2027, 1, 11)) == 1
    assert year.break_week(date(2027, 1, 11)).label == BreakLabel.EXAM_REVIEW
    assert year.week_number(date(2027, 1, 13)) is None


def test_teaching_months():
    months = [m.key for m in default_school_year(school_year_start=2026).teaching_months()]
    assert months == [
        "2026-09", "2026-10", "2026-11", "2026-12", "2027-01",
        "2027-02", "2027-03", "2027-04", "2027-05",
    ]  # fmt: skip


def test_calendar_uses_configured_years_and_defaults_others():
    custom = SchoolYear(
        school_year_start=2026,
        s1_first=date(2026, 9, 7),
        s1_last=date(2027, 1, 16),
        s2_first=date(2027, 1, 18),
        s2_last=date(2027, 5, 25),
    )
    calendar = SchoolCalendar(years=(custom,))
    assert calendar.year(2026) is custom
    assert calendar.year(2027) == default_school_year(school_year_start=2027)
    assert default_calendar(school_year_start=2026).year(2026) == default_school_year(
        school_year_start=2026
    )


def test_invalid_calendars_are_refused():
    with pytest.raises(ValueError):
        BreakWeek(date(2026, 11, 3))  # a Tuesday
    with pytest.raises(ValueError):
        SchoolYear(
            school_year_start=2026,
            s1_first=date(2027, 1, 1),
            s1_last=date(2026, 12, 1),
            s2_first=date(2027, 1, 18),
            s2_last=date(2027, 5, 25),
        )
    year = default_school_year(school_year_start=2026)
    with pytest.raises(ValueError):
        SchoolCalendar(years=(year, year))
