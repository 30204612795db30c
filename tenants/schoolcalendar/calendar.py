"""The school calendar: semesters, break weeks and teaching-week numbers, per school year.

Weekly obligations exist only in teaching weeks ("Tuần 1…35" counts teaching weeks only; break
weeks for Tết, mid-term or exam review are not numbered). An authority keeps one calendar per
school year; years it has not configured fall back to `default_school_year`, generated from the
ministry's frame:

- semester 1 opens on 5 September (the following Monday when that is a weekend); the week
  containing the first teaching day is week 1; semester 1 has 18 teaching weeks;
- semester 2 starts on the first Monday on or after 15 January and has 17 teaching weeks; the
  weeks between semester 1's 18th teaching week and that Monday are "exam review" breaks, and
  semester 1 ends on the Friday before semester 2 starts;
- the Tết break is two weeks: the week containing lunar new year's day, plus the week before it
  when Tết falls Monday–Wednesday (the run-up and the eve are there) or the week after it when
  Tết falls Thursday–Sunday (the holiday days and their compensation spill over);
- semester 2's last teaching day is the Friday of its 17th teaching week (before 31 May in every
  year of the Tết table);
- no mid-term break by default: provinces that have one add it.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from functools import cached_property, lru_cache

from . import holidays
from .lunar import tet_day_one
from .periods import MonthKey, monday_of

S1_TEACHING_WEEKS = 18
S2_TEACHING_WEEKS = 17
WEEK = timedelta(days=7)


class BreakLabel(StrEnum):
    TET = "tet"
    MID_TERM = "mid_term"
    EXAM_REVIEW = "exam_review"
    OTHER = "other"


BREAK_LABEL_TEXT = {
    "tet": "nghỉ Tết",
    "mid_term": "nghỉ giữa học kỳ",
    "exam_review": "ôn tập, kiểm tra",
    "other": "nghỉ",
}


def describe_break(label: str) -> str:
    return BREAK_LABEL_TEXT.get(label, label)


@dataclass(frozen=True)
class BreakWeek:
    """A Monday–Sunday week without lessons: weekly obligations pause in it."""

    monday: date
    label: str = BreakLabel.OTHER

    def __post_init__(self) -> None:
        if self.monday.weekday() != 0:
            raise ValueError(f"break week must start on a Monday, got {self.monday}")


@dataclass(frozen=True)
class SchoolYear:
    """One school year's dates: both semesters' first and last teaching days and break weeks."""

    school_year_start: int
    s1_first: date
    s1_last: date
    s2_first: date
    s2_last: date
    breaks: tuple[BreakWeek, ...] = ()

    def __post_init__(self) -> None:
        if not self.s1_first <= self.s1_last < self.s2_first <= self.s2_last:
            raise ValueError(f"semester dates out of order in school year {self.school_year_start}")
        mondays = [b.monday for b in self.breaks]
        if len(set(mondays)) != len(mondays):
            raise ValueError(f"duplicate break week in school year {self.school_year_start}")

    @cached_property
    def _breaks(self) -> dict[date, BreakWeek]:
        return {b.monday: b for b in self.breaks}

    def semester_span(self, semester: int) -> tuple[date, date]:
        if semester == 1:
            return self.s1_first, self.s1_last
        if semester == 2:
            return self.s2_first, self.s2_last
        raise ValueError(f"semester must be 1 or 2, got {semester}")

    def mondays(self) -> list[date]:
        """Every week from the one holding the first teaching day to the one holding the last."""
        first, last = monday_of(self.s1_first), monday_of(self.s2_last)
        return [first + WEEK * i for i in range((last - first).days // 7 + 1)]

    def semester_of_week(self, monday: date) -> int | None:
        """The semester whose teaching days the week overlaps, if any."""
        sunday = monday + timedelta(days=6)
        for semester in (1, 2):
            first, last = self.semester_span(semester)
            if monday <= last and sunday >= first:
                return semester
        return None

    def break_week(self, monday: date) -> BreakWeek | None:
        return self._breaks.get(monday)

    @cached_property
    def teaching_weeks(self) -> tuple[tuple[int, date], ...]:
        """(number, Monday) of every teaching week, numbered 1.. in order, breaks skipped."""
        weeks = [m for m in self.mondays() if self.semester_of_week(m) and m not in self._breaks]
        return tuple((n, m) for n, m in enumerate(weeks, start=1))

    def week_number(self, day: date) -> int | None:
        """The teaching-week number of the week holding `day`; None in breaks and holidays."""
        monday = monday_of(day)
        return next((n for n, m in self.teaching_weeks if m == monday), None)

    def teaching_months(self) -> list[MonthKey]:
        """Months that overlap the teaching span, first to last teaching day."""
        month = MonthKey(self.s1_first.year, self.s1_first.month)
        last = MonthKey(self.s2_last.year, self.s2_last.month)
        months = []
        while month <= last:
            months.append(month)
            month = month.shifted(1)
        return months


@dataclass(frozen=True)
class SchoolCalendar:
    """An authority's calendar: configured school years plus decreed holiday swaps.

    `extra_holidays` / `extra_working_days` carry what the government decides each year
    (the exact Tết days, a swapped Saturday) on top of the statutory pattern in `holidays`.
    """

    years: tuple[SchoolYear, ...] = ()
    extra_holidays: frozenset[date] = field(default_factory=frozenset)
    extra_working_days: frozenset[date] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        starts = [y.school_year_start for y in self.years]
        if len(set(starts)) != len(starts):
            raise ValueError("a school year is configured twice in the calendar")

    @cached_property
    def _years(self) -> dict[int, SchoolYear]:
        return {y.school_year_start: y for y in self.years}

    def year(self, school_year_start: int) -> SchoolYear:
        """The configured year, or the ministry-frame default when the authority has none."""
        configured = self._years.get(school_year_start)
        return configured or default_school_year(school_year_start=school_year_start)

    def is_working_day(self, day: date) -> bool:
        return holidays.is_working_day(
            day=day,
            extra_holidays=self.extra_holidays,
            extra_working_days=self.extra_working_days,
        )

    def add_working_days(self, *, start: date | datetime, n: int) -> date | datetime:
        return holidays.add_working_days(
            start=start,
            n=n,
            extra_holidays=self.extra_holidays,
            extra_working_days=self.extra_working_days,
        )


def add_working_days(
    *,
    start: date | datetime,
    n: int,
    calendar: SchoolCalendar | None = None,
) -> date | datetime:
    """The n-th working day after `start` (see `holidays.add_working_days`)."""
    return (calendar or SchoolCalendar()).add_working_days(start=start, n=n)


def tet_break_mondays(*, lunar_new_year: date) -> tuple[date, date]:
    """The two break weeks around Tết (see the module docstring for the choice)."""
    week = monday_of(lunar_new_year)
    if lunar_new_year.weekday() <= 2:
        return week - WEEK, week
    return week, week + WEEK


@lru_cache(maxsize=64)
def default_school_year(*, school_year_start: int) -> SchoolYear:
    """The ministry-frame calendar for school year Y–Y+1 (see the module docstring)."""
    year = school_year_start
    opening = date(year, 9, 5)
    s1_first = opening if opening.weekday() < 5 else opening + timedelta(7 - opening.weekday())
    tet_weeks = set(tet_break_mondays(lunar_new_year=tet_day_one(year + 1)))
    s2_start = date(year + 1, 1, 15)
    s2_start += timedelta(days=(7 - s2_start.weekday()) % 7)

    breaks: list[BreakWeek] = []
    monday = monday_of(s1_first)
    counted = 0
    while counted < S1_TEACHING_WEEKS:
        if monday in tet_weeks:
            breaks.append(BreakWeek(monday, BreakLabel.TET))
        else:
            counted += 1
        monday += WEEK
    while monday < s2_start:
        label = BreakLabel.TET if monday in tet_weeks else BreakLabel.EXAM_REVIEW
        breaks.append(BreakWeek(monday, label))
        monday += WEEK
    s1_last = monday - timedelta(days=3)
    teaching: list[date] = []
    while len(teaching) < S2_TEACHING_WEEKS:
        if monday in tet_weeks:
            breaks.append(BreakWeek(monday, BreakLabel.TET))
        else:
            teaching.append(monday)
        monday += WEEK
    return SchoolYear(
        school_year_start=year,
        s1_first=s1_first,
        s1_last=s1_last,
        s2_first=teaching[0],
        s2_last=teaching[-1] + timedelta(days=4),
        breaks=tuple(breaks),
    )


def default_calendar(*, school_year_start: int) -> SchoolCalendar:
    """A calendar holding the ministry-frame year Y–Y+1 (other years default the same way)."""
    return SchoolCalendar(years=(default_school_year(school_year_start=school_year_start),))


def school_year_with_breaks(*, base: SchoolYear, extra: Collection[BreakWeek]) -> SchoolYear:
    """A copy of a school year with more break weeks (e.g. a province's mid-term week)."""
    return SchoolYear(
        school_year_start=base.school_year_start,
        s1_first=base.s1_first,
        s1_last=base.s1_last,
        s2_first=base.s2_first,
        s2_last=base.s2_last,
        breaks=tuple(sorted((*base.breaks, *extra), key=lambda b: b.monday)),
    )
