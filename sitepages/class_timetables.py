"""Per-class timetables on the timetable page (6A, 6B, …): which class a parent asked for
(`?lop=6A`), and a class's table read as day cards for a phone.

Primary and lower-secondary schools publish a timetable per class; a preschool has no
timetable but a daily routine and a menu (`per_class_applies`). Pure functions over the
StreamField values and the school's levels; no database.
"""

from dataclasses import dataclass, field

from tenants.text import text_key

CLASS_LEVELS = frozenset({"primary", "lower_secondary"})
PARAM = "lop"


def per_class_applies(levels) -> bool:
    """Timetables per class for primary and lower-secondary schools; a school whose levels are
    not known (the template schema) is treated as one."""
    return not levels or bool(CLASS_LEVELS.intersection(levels))


def class_pick(names: list[str], asked: str | None) -> str | None:
    """The class among `names` a parent asked for, matched as `text_key` does, spaces and
    punctuation aside ("6a", " 6A ", "6-A" → "6A"); None when nothing or an unknown class was asked."""
    wanted = _key(asked)
    if not wanted:
        return None
    return next((name for name in names if _key(name) == wanted), None)


def _key(name: str | None) -> str:
    return text_key(name or "").replace(" ", "")


@dataclass
class ClassDay:
    """One column of a class's table: the day ("Thứ Hai") and its (period, subject) rows."""

    label: str
    lessons: list[tuple[str, str]] = field(default_factory=list)


def table_days(rows: list[list]) -> list[ClassDay]:
    """A timetable grid as day cards: the first row names the days, the first column the
    periods ("Tiết 1", "Sáng 1"…); empty cells are left out, and so are days with no lesson.

    `[["Tiết", "Thứ Hai", "Thứ Ba"], ["1", "Toán", ""], ["2", "Văn", "Anh"]]` →
    `[ClassDay("Thứ Hai", [("Tiết 1", "Toán"), ("Tiết 2", "Văn")]),
    ClassDay("Thứ Ba", [("Tiết 2", "Anh")])]`.
    """
    rows = [[(cell or "").strip() for cell in row] for row in rows or [] if row]
    if len(rows) < 2:
        return []
    header, body = rows[0], rows[1:]
    days = []
    for column in range(1, len(header)):
        day = ClassDay(header[column] or f"Cột {column + 1}")
        for row in body:
            subject = row[column] if column < len(row) else ""
            if subject:
                period = row[0]
                if period.isdigit() and header[0]:  # "1" under "Tiết" reads "Tiết 1"
                    period = f"{header[0]} {period}"
                day.lessons.append((period, subject))
        if day.lessons:
            days.append(day)
    return days
