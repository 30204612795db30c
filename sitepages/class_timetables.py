"""Per-class timetables on the timetable page (6A, 6B, …): which class a parent asked for
(`?lop=6A`), and a class's table read as day cards for a phone.

A class's timetable is either entered for it (a table and/or a file per class) or read from the
school's whole timetable when that has the shape schools type and import (`grid_classes`: a
"Thứ" column, a "Tiết" column, then one column per class), so a parent can pick a class even
where the school only published its usual big table.

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


def _period(label: str, heading: str) -> str:
    # "1" under "Tiết" reads "Tiết 1"
    return f"{heading} {label}" if label.isdigit() and heading else label


def _cleaned(rows) -> list[list[str]]:
    return [
        [("" if cell is None else str(cell)).strip() for cell in row] for row in rows or [] if row
    ]


def table_days(rows: list[list]) -> list[ClassDay]:
    """A timetable grid as day cards: the first row names the days, the first column the
    periods ("Tiết 1", "Sáng 1"…); empty cells are left out, and so are days with no lesson.

    `[["Tiết", "Thứ Hai", "Thứ Ba"], ["1", "Toán", ""], ["2", "Văn", "Anh"]]` →
    `[ClassDay("Thứ Hai", [("Tiết 1", "Toán"), ("Tiết 2", "Văn")]),
    ClassDay("Thứ Ba", [("Tiết 2", "Anh")])]`.
    """
    rows = _cleaned(rows)
    if len(rows) < 2:
        return []
    header, body = rows[0], rows[1:]
    days = []
    for column in range(1, len(header)):
        day = ClassDay(header[column] or f"Cột {column + 1}")
        for row in body:
            subject = row[column] if column < len(row) else ""
            if subject:
                day.lessons.append((_period(row[0], header[0]), subject))
        if day.lessons:
            days.append(day)
    return days


def grid_classes(rows: list[list]) -> dict[str, list[ClassDay]]:
    """Each class's days from a whole-school grid whose header reads "Thứ", "Tiết", then the
    classes; a day cell left empty (merged in the spreadsheet) continues the day above.
    `{}` for any other shape.

    `[["Thứ", "Tiết", "6A", "6B"], ["Thứ Hai", "1", "Chào cờ", "Chào cờ"], ["", "2", "Toán",
    "Văn"]]` → `{"6A": [ClassDay("Thứ Hai", [("Tiết 1", "Chào cờ"), ("Tiết 2", "Toán")])],
    "6B": [...]}`.
    """
    rows = _cleaned(rows)
    if len(rows) < 2 or len(rows[0]) < 3:
        return {}
    header = rows[0]
    if not (text_key(header[0]).startswith("thu") and text_key(header[1]).startswith("tiet")):
        return {}
    classes: dict[str, list[ClassDay]] = {}
    for column, name in enumerate(header[2:], start=2):
        if not name or name in classes:
            continue
        days: list[ClassDay] = []
        day_label = ""
        for row in rows[1:]:
            day_label = (row[0] if row and row[0] else day_label) or "?"
            subject = row[column] if column < len(row) else ""
            if not subject:
                continue
            if not days or days[-1].label != day_label:
                days.append(ClassDay(day_label))
            days[-1].lessons.append((_period(row[1] if len(row) > 1 else "", header[1]), subject))
        if days:
            classes[name] = days
    return classes


@dataclass
class ClassView:
    """What the page shows for one class: its days (cards), and when it was entered as a table
    of its own, that table's rows (a table on a desktop), its file and note."""

    days: list[ClassDay]
    rows: list[list] | None = None
    document: object = None
    note: str = ""


def class_views(entered: list[dict], grids: list[list[list]]) -> dict[str, ClassView]:
    """Every class a parent can pick, in order: those entered one by one (StructBlock values
    with `class_name`, `table`, `document`, `note`), then those read from the school's grids
    that were not entered."""
    views: dict[str, ClassView] = {}
    for value in entered:
        rows = (value.get("table") or {}).get("data") or []
        views[value["class_name"]] = ClassView(
            days=table_days(rows),
            rows=rows or None,
            document=value.get("document"),
            note=value.get("note") or "",
        )
    for grid in grids:
        for name, days in grid_classes(grid).items():
            views.setdefault(name, ClassView(days=days))
    return views
