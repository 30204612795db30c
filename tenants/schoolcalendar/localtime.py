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


def format_local(moment: datetime) -> str:
    """Human form of an instant in local time, for reasons; seconds only when they matter."""
    local = to_local(moment)
    pattern = (
        "%Y-%m-%d %H:%M" if local.second == 0 and local.microsecond == 0 else "%Y-%m-%d %H:%M:%S"
    )
    return local.strftime(pattern)


def format_duration(delta: timedelta) -> str:
    """Short human form of a lateness: "2 d 3 h 5 min", "1 s"."""
    seconds = int(delta.total_seconds())
    if seconds <= 0:
        return "0 s"
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [
        f"{days} d" if days else "",
        f"{hours} h" if hours else "",
        f"{minutes} min" if minutes else "",
    ]
    if not any(parts):
        parts.append(f"{secs} s")
    return " ".join(p for p in parts if p)
