"""Deadlines as data: a small table in a rule's params, resolved against a period or anchor.

Two forms, told apart by the presence of `month`:
- fixed: `{ month = 8, day = 15, year_offset = 0 }` — that day of year school_year_start +
  year_offset, 00:00 local (annual plan before 15/08/Y);
- relative: from the period's start (month: day 1; teaching week: Monday; semester: its first
  teaching day; school year: semester 1's first teaching day) or a latency anchor, apply in order
  `months` (calendar months), `day` (day of that month), `working_days` (to the end of the N-th
  working day after, i.e. 00:00 of the next day), then `days`, `hours`, `minutes`.
  `{}` = the period's start; `{ hours = 12 }` = Monday 12:00; `{ days = -2 }` = the Saturday
  before; `{ months = -1, day = 25 }` = the 25th of the previous month.
A `day` past the end of a month is clamped to its last day (30 → 28 or 29 in February).
"""

from __future__ import annotations

import calendar as gregorian
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Protocol

from tenants.schoolcalendar.localtime import LOCAL_TZ, as_utc, local_midnight

FIXED_KEYS = frozenset({"month", "day", "year_offset", "days", "hours", "minutes"})
RELATIVE_KEYS = frozenset({"months", "day", "working_days", "days", "hours", "minutes"})


class WorkingDays(Protocol):
    def add_working_days(self, *, start: date | datetime, n: int) -> date | datetime: ...


@dataclass(frozen=True)
class DeadlineSpec:
    month: int | None = None
    day: int | None = None
    year_offset: int = 0
    months: int = 0
    working_days: int = 0
    days: int = 0
    hours: int = 0
    minutes: int = 0

    @classmethod
    def parse(cls, table: Any) -> DeadlineSpec:
        """Read a deadline table, raising ValueError with a readable message."""
        if not isinstance(table, Mapping):
            raise ValueError(f"a deadline must be a table, got {table!r}")
        allowed = FIXED_KEYS if "month" in table else RELATIVE_KEYS
        unknown = sorted(set(table) - allowed)
        if unknown:
            form = "fixed-date (with month)" if "month" in table else "relative"
            raise ValueError(f"unknown key(s) {unknown} in a {form} deadline {dict(table)}")
        for key, value in table.items():
            if not isinstance(value, int) or isinstance(value, bool):
                raise ValueError(f"deadline key {key!r} must be an integer, got {value!r}")
        spec = cls(**dict(table))
        if spec.month is not None and not 1 <= spec.month <= 12:
            raise ValueError(f"deadline month must be 1–12, got {spec.month}")
        if spec.month is not None and spec.day is None:
            raise ValueError("a fixed-date deadline needs both month and day")
        if spec.day is not None and not 1 <= spec.day <= 31:
            raise ValueError(f"deadline day must be 1–31, got {spec.day}")
        if spec.working_days < 0:
            raise ValueError(f"working_days must be >= 0, got {spec.working_days}")
        return spec

    def resolve(
        self,
        *,
        base: date | datetime | None,
        school_year_start: int | None,
        calendar: WorkingDays,
    ) -> datetime:
        """The deadline instant (UTC) for a period starting at `base` / in a school year."""
        if self.month is not None and self.day is not None:
            if school_year_start is None:
                raise ValueError("a fixed-date deadline needs a school year")
            year = school_year_start + self.year_offset
            moment = local_midnight(date(year, self.month, _clamp(year, self.month, self.day)))
        else:
            if base is None:
                raise ValueError("a relative deadline needs a base date or instant")
            local = (
                as_utc(base).astimezone(LOCAL_TZ)
                if isinstance(base, datetime)
                else local_midnight(base).astimezone(LOCAL_TZ)
            )
            if self.months or self.day is not None:
                index = local.year * 12 + local.month - 1 + self.months
                year, month = divmod(index, 12)
                month += 1
                day = local.day if self.day is None else self.day
                local = local.replace(year=year, month=month, day=_clamp(year, month, day))
            moment = as_utc(local)
            if self.working_days:
                last = calendar.add_working_days(start=local.date(), n=self.working_days)
                moment = local_midnight(last + timedelta(days=1))
        return moment + timedelta(days=self.days, hours=self.hours, minutes=self.minutes)


def _clamp(year: int, month: int, day: int) -> int:
    return min(day, gregorian.monthrange(year, month)[1])
