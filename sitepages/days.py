"""A week's rows grouped into days, labelled the way parents read them: "Thứ Hai 30/11".

Used by the work schedule and menu pages (day cards on a phone, a table on a desktop) and by the
home page's "this week" block. Pure functions over the StreamField values; no database.
"""

import datetime as dt
from dataclasses import dataclass, field

from sitepages.calendar import WEEKDAYS


@dataclass
class Day:
    """One day of a week: `label` "Thứ Hai 30/11", `date`, and that day's rows in input order."""

    weekday: int  # 0 = Monday … 6 = Sunday
    name: str  # "Thứ Hai"
    date: dt.date | None
    rows: list[dict] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{self.name} {self.date:%d/%m}" if self.date else self.name


def day_label(week_start: dt.date | None, weekday: int) -> str:
    """`Thứ Hai 30/11` for weekday 0 of the week starting Monday 30/11; the bare name without a week."""
    return Day(weekday, WEEKDAYS[weekday], _date(week_start, weekday)).label


def _date(week_start: dt.date | None, weekday: int) -> dt.date | None:
    return week_start + dt.timedelta(days=weekday) if week_start else None


def week_days(week_start: dt.date | None, rows, *, from_weekday: int = 0) -> list[Day]:
    """Rows (dicts with a `weekday` "0"…"6") grouped by day in weekday order.

    `from_weekday` drops the days before it (the home page shows today onwards). Rows with a
    missing or bad weekday are dropped rather than failing the page.
    """
    days: dict[int, Day] = {}
    for row in rows:
        try:
            weekday = int(row.get("weekday"))
        except (TypeError, ValueError):
            continue
        if not 0 <= weekday <= 6 or weekday < from_weekday:
            continue
        if weekday not in days:
            days[weekday] = Day(weekday, WEEKDAYS[weekday], _date(week_start, weekday))
        days[weekday].rows.append(row)
    return [days[number] for number in sorted(days)]
