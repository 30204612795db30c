"""Month and school-year arithmetic in local time (Asia/Ho_Chi_Minh), as people name them."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from tenants.dates import DateInputError, month_format, month_parse_parts
from tenants.schoolcalendar.localtime import LOCAL_TZ, local_date
from tenants.schoolcalendar.periods import MonthKey, school_year_of
from tenants.text import line_clean

YEAR_MIN, YEAR_MAX = 2000, 2100


def month_parse(value: str) -> MonthKey:
    """A month as people type it (`10/2026`, `Tháng 10/2026`) or as machines do (`2026-10`)
    → MonthKey; anything else raises tenants.dates.DateInputError (a ValueError) whose text is
    one Vietnamese sentence with an example.

    Years outside 2000–2100 are refused too: `0000-01` has no month before it and `9999-12`
    none after, and both are typing slips, not months anyone reports on.
    """
    year, month = month_parse_parts(value)
    if not YEAR_MIN <= year <= YEAR_MAX:
        raise DateInputError(
            _("Tháng “%(value)s” nằm ngoài khoảng cho phép: năm phải từ %(low)s đến %(high)s.")
            % {"value": line_clean(value), "low": YEAR_MIN, "high": YEAR_MAX}
        )
    return MonthKey(year, month)


def month_typed(month: MonthKey) -> str:
    """What a month input shows (`10/2026`); month_parse reads it back."""
    return month_format(month.year, month.month)


def school_year_valid(start_year: int, *, now: dt.datetime) -> bool:
    """Whether Y–Y+1 is a school year anything can be reported for: from 2000 to the current."""
    return YEAR_MIN <= start_year <= school_year_start_of(now)


def month_of(moment: dt.datetime) -> MonthKey:
    day = local_date(moment)
    return MonthKey(day.year, day.month)


def previous_month(moment: dt.datetime) -> MonthKey:
    """The month before the one `moment` falls in, locally (what the 1st's report covers)."""
    return month_of(moment).shifted(-1)


def month_start(month: MonthKey) -> dt.datetime:
    """The month's first instant (local midnight of the 1st) as an aware datetime."""
    return dt.datetime(month.year, month.month, 1, tzinfo=LOCAL_TZ)


def month_has_ended(month: MonthKey, *, now: dt.datetime) -> bool:
    return now >= month_start(month.shifted(1))


def school_year_start_of(moment: dt.datetime) -> int:
    return school_year_of(local_date(moment))


def school_year_months(start_year: int) -> tuple[str, str]:
    """First and last month keys of school year Y–Y+1 (July to June, as results are filed)."""
    return f"{start_year:04d}-07", f"{start_year + 1:04d}-06"


def school_year_month_keys(start_year: int, *, until: MonthKey | None = None) -> list[str]:
    """Every month of the school year, in order (up to `until` inclusive when given)."""
    keys, month = [], MonthKey(start_year, 7)
    while month <= MonthKey(start_year + 1, 6) and (until is None or month <= until):
        keys.append(month.key)
        month = month.shifted(1)
    return keys


def month_label(month: MonthKey | str) -> str:
    key = month if isinstance(month, MonthKey) else month_parse(month)
    return f"tháng {key.month:02d}/{key.year}"


def school_year_label(start_year: int) -> str:
    return f"{start_year}–{start_year + 1}"
