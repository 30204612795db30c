"""Public holidays and working days, for the "within N working days" deadlines.

The pattern follows the Labour Code 2019 (Art. 112), 11 days a year:
- 1 January;
- Tết: five days, the lunar new year's eve and the first four days of the year (day -1 … +3);
  the government fixes the exact days each year, often with swapped weekends — add those to the
  school calendar's `extra_holidays` / `extra_working_days`;
- Hùng Kings' commemoration, 10th day of the 3rd lunar month;
- 30 April and 1 May;
- National Day: 2 September plus an adjacent day — 1 September, or 3 September when the 2nd is a
  Monday (as decided for 2023–2025).
A holiday on a Saturday or Sunday is compensated on the next weekday that is not itself a
holiday (Art. 112(3)). Weekends are never working days.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date, datetime, timedelta

from .localtime import LOCAL_TZ, as_utc
from .lunar import hung_kings_day, tet_day_one

_cache: dict[int, dict[date, str]] = {}


def public_holidays(*, year: int) -> Mapping[date, str]:
    """The days off in a Gregorian year, with their names (compensation days included)."""
    if year not in _cache:
        _cache[year] = _compute(year)
    return _cache[year]


def _compute(year: int) -> dict[date, str]:
    days: dict[date, str] = {date(year, 1, 1): "Tết Dương lịch"}
    tet = tet_day_one(year)
    for offset in range(-1, 4):
        days[tet + timedelta(days=offset)] = "Tết Nguyên đán"
    days[hung_kings_day(year)] = "Giỗ Tổ Hùng Vương"
    days[date(year, 4, 30)] = "Ngày Giải phóng miền Nam"
    days[date(year, 5, 1)] = "Ngày Quốc tế Lao động"
    national = date(year, 9, 2)
    days[national] = "Quốc khánh"
    adjacent = national + timedelta(days=1) if national.weekday() == 0 else national - timedelta(1)
    days[adjacent] = "Quốc khánh"
    for day in sorted(d for d in days if d.weekday() >= 5):
        substitute = day
        while substitute.weekday() >= 5 or substitute in days:
            substitute += timedelta(days=1)
        days[substitute] = f"Nghỉ bù ({days[day]})"
    return days


def is_working_day(
    *,
    day: date,
    extra_holidays: Collection[date] = (),
    extra_working_days: Collection[date] = (),
) -> bool:
    """Monday–Friday and not a holiday; explicit overrides (decreed swaps) win."""
    if day in extra_working_days:
        return True
    if day in extra_holidays or day.weekday() >= 5:
        return False
    return day not in public_holidays(year=day.year)


def add_working_days(
    *,
    start: date | datetime,
    n: int,
    extra_holidays: Collection[date] = (),
    extra_working_days: Collection[date] = (),
) -> date | datetime:
    """The n-th working day after `start` (the start day itself never counts).

    A date gives a date. An aware datetime is read in local time and gives the same local
    wall-clock time on the target day, as an aware UTC datetime. n = 0 returns `start`.
    """
    if n < 0:
        raise ValueError("n must be >= 0")
    if isinstance(start, datetime):
        local = as_utc(start).astimezone(LOCAL_TZ)
        target = add_working_days(
            start=local.date(),
            n=n,
            extra_holidays=extra_holidays,
            extra_working_days=extra_working_days,
        )
        return as_utc(datetime.combine(target, local.timetz()))
    day = start
    remaining = n
    while remaining:
        day += timedelta(days=1)
        if is_working_day(
            day=day, extra_holidays=extra_holidays, extra_working_days=extra_working_days
        ):
            remaining -= 1
    return day
