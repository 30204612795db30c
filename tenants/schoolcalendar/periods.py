"""Period keys: the stable names of what an obligation covers.

School year `2026-2027`, semester `2026-2027/S1`, a school-year item (a disclosure item)
`2026-2027/mn-conditions`, month `2026-11`, teaching week (ISO) `2026-W47`, day `2026-11-16`,
per-item rules `page:<id>`. Keys are what results are stored and compared under, so parsing and
formatting round-trip exactly.

A school year Y–Y+1 runs, for filing purposes, from 1 July Y to 30 June Y+1: the ministry's year
ends before 31 May and the 30 June disclosure deadline closes it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

SCHOOL_YEAR_FIRST_MONTH = 7

_SCHOOL_YEAR = re.compile(r"^(\d{4})-(\d{4})$")
_SEMESTER = re.compile(r"^(\d{4})-(\d{4})/S([12])$")
_SCHOOL_YEAR_ITEM = re.compile(r"^(\d{4})-(\d{4})/([a-z0-9][a-z0-9-]*)$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_PAGE = re.compile(r"^page:(\d+)$")
ITEM_CODE = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True, order=True)
class SchoolYearKey:
    start: int

    @property
    def key(self) -> str:
        return f"{self.start}-{self.start + 1}"


@dataclass(frozen=True, order=True)
class SemesterKey:
    school_year_start: int
    semester: int

    @property
    def key(self) -> str:
        return f"{SchoolYearKey(self.school_year_start).key}/S{self.semester}"


@dataclass(frozen=True, order=True)
class SchoolYearItemKey:
    """One item of a school year's set (a disclosure item such as `mn-conditions`)."""

    school_year_start: int
    item: str

    @property
    def key(self) -> str:
        return f"{SchoolYearKey(self.school_year_start).key}/{self.item}"


@dataclass(frozen=True, order=True)
class MonthKey:
    year: int
    month: int

    @property
    def key(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    def shifted(self, months: int) -> MonthKey:
        index = self.year * 12 + (self.month - 1) + months
        return MonthKey(index // 12, index % 12 + 1)


@dataclass(frozen=True, order=True)
class WeekKey:
    """An ISO week (Monday–Sunday); the ISO year differs from the calendar year at its edges."""

    iso_year: int
    week: int

    @classmethod
    def of(cls, day: date) -> WeekKey:
        iso = day.isocalendar()
        return cls(iso.year, iso.week)

    @property
    def key(self) -> str:
        return f"{self.iso_year:04d}-W{self.week:02d}"

    @property
    def monday(self) -> date:
        return date.fromisocalendar(self.iso_year, self.week, 1)


@dataclass(frozen=True, order=True)
class DayKey:
    day: date

    @property
    def key(self) -> str:
        return self.day.isoformat()


@dataclass(frozen=True, order=True)
class PageKey:
    page_id: int

    @property
    def key(self) -> str:
        return f"page:{self.page_id}"


PeriodKey = SchoolYearKey | SemesterKey | SchoolYearItemKey | MonthKey | WeekKey | DayKey | PageKey


def parse_period_key(key: str) -> PeriodKey:
    """The inverse of `.key`; raises ValueError on anything else."""
    if m := _SEMESTER.match(key):
        _check_year_pair(m, key)
        return SemesterKey(int(m[1]), int(m[3]))
    if m := _SCHOOL_YEAR_ITEM.match(key):
        _check_year_pair(m, key)
        return SchoolYearItemKey(int(m[1]), m[3])
    if m := _SCHOOL_YEAR.match(key):
        _check_year_pair(m, key)
        return SchoolYearKey(int(m[1]))
    if m := _MONTH.match(key):
        if not 1 <= int(m[2]) <= 12:
            raise ValueError(f"bad month in period key {key!r}")
        return MonthKey(int(m[1]), int(m[2]))
    if m := _WEEK.match(key):
        try:
            date.fromisocalendar(int(m[1]), int(m[2]), 1)
        except ValueError:
            raise ValueError(f"bad ISO week in period key {key!r}") from None
        return WeekKey(int(m[1]), int(m[2]))
    if _DAY.match(key):
        return DayKey(date.fromisoformat(key))
    if m := _PAGE.match(key):
        return PageKey(int(m[1]))
    raise ValueError(f"unknown period key {key!r}")


def _check_year_pair(match: re.Match[str], key: str) -> None:
    if int(match[2]) != int(match[1]) + 1:
        raise ValueError(f"school year must span two consecutive years: {key!r}")


def school_year_of(day: date) -> int:
    """The start year of the school year a local date is filed under (July boundary)."""
    return day.year if day.month >= SCHOOL_YEAR_FIRST_MONTH else day.year - 1


def as_date(value: Any) -> date | None:
    """A period field as a date: a date, a datetime (its date) or an ISO string; else None."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value if len(value) > 7 else f"{value}-01")
        except ValueError:
            return None
    return None


def period_key_for_fields(fields: Mapping[str, Any]) -> str:
    """The period key a page's structured period fields describe ("" when it has none).

    Used to tell apart the several evidence items one page can become when an editor moves it
    to another period.
    """
    if (week := as_date(fields.get("week_start"))) is not None:
        return WeekKey.of(week).key
    if (month := as_date(fields.get("month"))) is not None:
        return MonthKey(month.year, month.month).key
    year = fields.get("school_year_start")
    if isinstance(year, int) and not isinstance(year, bool):
        if fields.get("semester") in (1, 2):
            return SemesterKey(year, fields["semester"]).key
        if isinstance(fields.get("item"), str):
            return SchoolYearItemKey(year, fields["item"]).key
        return SchoolYearKey(year).key
    return ""


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())
