"""Local time for deadlines: Asia/Ho_Chi_Minh (UTC+7, no daylight saving).

The engine takes and returns aware UTC datetimes; every deadline is stated in local wall-clock
time ("before day D" = before D 00:00 local), so the conversion lives in one place.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
ONE_MICROSECOND = timedelta(microseconds=1)


def as_utc(moment: datetime) -> datetime:
    """The same instant in UTC; a naive datetime is a bug upstream, so it is refused."""
    if moment.tzinfo is None or moment.tzinfo.utcoffset(moment) is None:
        raise ValueError(f"naive datetime {moment!r}: the engine needs aware datetimes")
    return moment.astimezone(UTC)


def to_local(moment: datetime) -> datetime:
    return as_utc(moment).astimezone(LOCAL_TZ)


def local_date(moment: datetime) -> date:
    """The calendar day in Vietnam at that instant."""
    return to_local(moment).date()


def local_instant(day: date, hour: int = 0, minute: int = 0, second: int = 0) -> datetime:
    """The UTC instant of a local wall-clock time."""
    return datetime.combine(day, time(hour, minute, second), tzinfo=LOCAL_TZ).astimezone(UTC)


def local_midnight(day: date) -> datetime:
    """Start of a local day, as UTC: the instant "before day D" points at."""
    return local_instant(day)
