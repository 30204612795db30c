"""A grid of cell texts → the rows of a page's table, by the words of its header row.

Each `TableKind` names the columns a school writes (`Column.words`, compared without tone marks
or case: "Nội dung công việc" and "NOI DUNG" both name the content) and the row a page stores
(the child names of its StreamField block, sitepages/models/blocks.py). Lines are read below
the header row:

- a day cell left blank (a merged cell pasted as text, or Word's merged "Thứ Hai" cell) means
  the day of the line above; so does a blank "Buổi";
- a line written across the whole table that names a day ("THỨ HAI 30/11") starts that day;
- signature lines ("Người lập", "Hiệu trưởng") and wholly blank lines (an empty period) are
  left out;
- any other line that cannot be read (no day, no content, a note across the table) is kept as
  a `RowProblem` with its line number and text, so the editor corrects it: nothing is lost.

A menu is often written with the days as columns and the meals as rows: such a grid is read
transposed. A timetable is kept as the grid itself (`timetable_table`), for a table block.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from sitepages.tables.docx_grid import Grid
from sitepages.tables.reading import TableFileError
from sitepages.tables.weekdays import weekday_heading, weekday_parse
from tenants.text import text_key

HEADER_SEARCH_ROWS = 15
SIGNATURE_WORDS = (
    "nguoi lap",
    "nguoi lap bieu",
    "duyet",
    "to truong duyet",
    "hieu truong",
    "pho hieu truong",
    "ky ten",
    "da ky",
    "noi nhan",
    "xac nhan",
    "bgh duyet",
)


@dataclass(frozen=True)
class Column:
    field: str
    words: tuple[str, ...]  # text keys (no tone marks, lower case) that name the column
    max_length: int = 255


@dataclass(frozen=True)
class RowProblem:
    """A line that was not turned into a row: its number in the file, its text, why."""

    number: int
    text: str
    reason: str

    def __str__(self) -> str:
        return _("Dòng %(number)d: %(text)s (%(reason)s)") % {
            "number": self.number,
            "text": self.text,
            "reason": self.reason,
        }


@dataclass
class TableRead:
    """What was read: the rows for the page, the lines left for correction, the header seen."""

    rows: list[dict] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    header: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class TableKind:
    code: str
    label: str  # "lịch công tác tuần": in messages
    columns: tuple[Column, ...]  # in the order a header cell is tried against them
    required: tuple[str, ...]  # a line is a row only when one of these holds text
    shape: Callable[[dict], dict]  # the read values → the block's value
    transpose_when_days_across: bool = False
    spill_into: str | None = None  # columns with no field go here as "Header: text"


def _schedule_shape(values: dict) -> dict:
    time = " ".join(part for part in (values.get("session"), values.get("time")) if part)
    return {
        "weekday": str(values["weekday"]),
        "time": time[:40],
        "content": values.get("content", ""),
        "chair": values.get("chair", ""),
        "participants": values.get("participants", ""),
        "location": values.get("location", ""),
    }


def _register_shape(values: dict) -> dict:
    return {
        "weekday": str(values["weekday"]),
        "session": values.get("session", ""),
        "period": values.get("period", ""),
        "subject": values.get("subject", ""),
        "class_name": values.get("class_name", ""),
        "curriculum": values.get("curriculum", ""),
        "lesson": values.get("lesson", ""),
        "notes": values.get("notes", ""),
    }


def _menu_shape(values: dict) -> dict:
    return {
        "weekday": str(values["weekday"]),
        "breakfast": values.get("breakfast", ""),
        "lunch": values.get("lunch", ""),
        "snack": values.get("snack", ""),
    }


WEEKDAY = Column("weekday", ("thu", "ngay", "thu ngay", "ngay thu"), 40)
SESSION = Column("session", ("buoi",), 20)

SCHEDULE = TableKind(
    code="work-schedule",
    label="lịch công tác tuần",
    columns=(
        WEEKDAY,
        SESSION,
        Column("time", ("thoi gian", "gio"), 30),
        Column("content", ("noi dung", "cong viec"), 2000),
        Column("chair", ("chu tri", "phu trach"), 120),
        Column("participants", ("thanh phan", "tham du", "tham gia", "nguoi thuc hien"), 255),
        Column("location", ("dia diem", "noi to chuc"), 120),
    ),
    required=("content",),
    shape=_schedule_shape,
)

REGISTER = TableKind(
    code="lesson-register",
    label="lịch báo giảng",
    columns=(
        WEEKDAY,
        SESSION,
        Column("curriculum", ("ppct", "tiet ct", "tiet chuong trinh"), 20),
        Column("period", ("tiet", "tiet tkb"), 20),
        Column("subject", ("mon", "mon hoc", "phan mon"), 80),
        Column("class_name", ("lop",), 40),
        Column("lesson", ("ten bai", "bai day", "ten bai day", "bai hoc", "noi dung"), 255),
        Column("notes", ("do dung", "ddnh", "dddh", "ghi chu", "thiet bi"), 255),
    ),
    required=("lesson", "subject"),
    shape=_register_shape,
)

MENU = TableKind(
    code="menu",
    label="thực đơn",
    columns=(
        WEEKDAY,
        Column("breakfast", ("sang", "bua sang", "an sang"), 255),
        Column("lunch", ("trua", "bua trua", "an trua", "bua chinh"), 255),
        Column("snack", ("phu", "bua phu", "chieu", "bua xe", "xe"), 255),
    ),
    required=("breakfast", "lunch", "snack"),
    shape=_menu_shape,
    transpose_when_days_across=True,
    spill_into="lunch",
)

KINDS = {kind.code: kind for kind in (SCHEDULE, REGISTER, MENU)}
FILL_DOWN = ("weekday", "session")


def _names(key: str, words: tuple[str, ...]) -> bool:
    padded = f" {key} "
    return any(f" {word} " in padded for word in words)


def _header_fields(kind: TableKind, cells: list[str]) -> dict[int, str]:
    """Column index → field for one candidate header row."""
    taken: dict[int, str] = {}
    used: set[str] = set()
    for index, cell in enumerate(cells):
        key = text_key(cell)
        if not key:
            continue
        for column in kind.columns:
            if column.field not in used and _names(key, column.words):
                taken[index] = column.field
                used.add(column.field)
                break
    return taken


def _transposed(grid: Grid) -> Grid:
    width = max(len(cells) for _number, cells in grid)
    rows = [cells + [""] * (width - len(cells)) for _number, cells in grid]
    return [(index + 1, [row[index] for row in rows]) for index in range(width)]


def _days_across(grid: Grid) -> bool:
    return any(
        sum(weekday_parse(cell) is not None for cell in cells) >= 3
        for _number, cells in grid[:HEADER_SEARCH_ROWS]
    )


def _header_find(kind: TableKind, grids: list[Grid]):
    """(grid, index of the header row, column → field) with the most fields named."""
    best = None
    for grid in grids:
        candidates = [grid]
        if kind.transpose_when_days_across and _days_across(grid):
            candidates = [_transposed(grid)]
        for candidate in candidates:
            for index, (_number, cells) in enumerate(candidate[:HEADER_SEARCH_ROWS]):
                if any(weekday_parse(cell) is not None for cell in cells):
                    continue  # a line of data ("Thứ Hai | Sáng | …"), not a header
                fields = _header_fields(kind, cells)
                if not set(fields.values()) & set(kind.required):
                    continue
                if "weekday" not in fields.values() and 0 not in fields:
                    # "Bữa | Thứ Hai…" read transposed: the first column holds the days.
                    firsts = [row[0] for _n, row in candidate[index + 1 :] if row and row[0]]
                    if firsts and all(weekday_parse(text) is not None for text in firsts):
                        fields = {0: "weekday", **fields}
                score = len(fields)
                if score >= 2 and (best is None or score > best[3]):
                    best = (candidate, index, fields, score)
    if best is None:
        wanted = ", ".join(
            f"“{column.words[0]}”" for column in kind.columns if column.field in kind.required
        )
        raise TableFileError(
            _(
                "Không tìm thấy dòng tiêu đề của bảng %(label)s: bảng cần một dòng tiêu đề có "
                "cột Thứ và cột %(wanted)s (viết có hoặc không dấu)."
            )
            % {"label": kind.label, "wanted": wanted}
        )
    return best[0], best[1], best[2]


def _is_signature(cells: list[str]) -> bool:
    texts = [text_key(cell) for cell in cells if cell]
    return bool(texts) and all(
        any(text == word or text.startswith(word + " ") for word in SIGNATURE_WORDS)
        for text in texts
    )


def table_rows_read(
    *, kind: TableKind, grids: list[Grid], week_start: dt.date | None = None
) -> TableRead:
    """The rows of `kind` in the best-matching grid. Raises TableFileError without a header.

    `week_start` (a Monday) lets a day written only as a date ("30/11") be read.
    """
    grid, header_index, fields = _header_find(kind, grids)
    lengths = {column.field: column.max_length for column in kind.columns}
    header_cells = grid[header_index][1]
    result = TableRead(header=header_cells)
    current: dict[str, str | int] = {}
    for number, cells in grid[header_index + 1 :]:
        filled = [cell for cell in cells if cell]
        line = " | ".join(filled)
        if not filled or _is_signature(cells):
            continue
        if len(filled) > 1 and len(set(filled)) == 1:
            # One text across the row (a merged cell): a day heading, or a note of no column.
            day = weekday_heading(filled[0], week_start=week_start)
            if day is not None:
                current = {"weekday": day}
            else:
                result.problems.append(
                    RowProblem(number, filled[0], _("ghi chú trải cả dòng, không thuộc cột nào"))
                )
            continue
        values: dict[str, str | int] = {}
        spill = []
        for index, cell in enumerate(cells):
            name = fields.get(index)
            if name is None:
                if cell and kind.spill_into and index < len(header_cells):
                    spill.append(f"{header_cells[index]}: {cell}" if header_cells[index] else cell)
                continue
            if cell:
                values[name] = cell
        if spill:
            values[kind.spill_into] = "; ".join(
                part for part in (values.get(kind.spill_into), *spill) if part
            )
        day_text = values.get("weekday")
        if day_text:
            day = weekday_parse(str(day_text), week_start=week_start)
            if day is None:
                result.problems.append(
                    RowProblem(number, line, _("không đọc được thứ “%(day)s”") % {"day": day_text})
                )
                continue
            if day != current.get("weekday"):
                current = {}
            values["weekday"] = day
        for name in FILL_DOWN:
            if name in values:
                current[name] = values[name]
            elif name in current:
                values[name] = current[name]
        if not any(values.get(name) for name in kind.required):
            if set(values) - set(FILL_DOWN) - {"period"}:
                result.problems.append(RowProblem(number, line, _("thiếu nội dung chính của dòng")))
            continue
        if "weekday" not in values:
            result.problems.append(RowProblem(number, line, _("chưa có thứ trong tuần")))
            continue
        for name, value in list(values.items()):
            limit = lengths.get(name)
            if isinstance(value, str) and limit and len(value) > limit:
                values[name] = value[: limit - 1] + "…"
                result.problems.append(
                    RowProblem(
                        number,
                        value,
                        _("ô quá dài, đã cắt còn %(limit)d ký tự: hãy rút gọn") % {"limit": limit},
                    )
                )
        result.rows.append(kind.shape(values))
    return result


def timetable_table(grids: list[Grid]) -> list[list[str]]:
    """The first grid from its header row (the first line with two or more cells) on, every
    line padded to the same width: a timetable is kept as the table it is."""
    for grid in grids:
        for index, (_number, cells) in enumerate(grid):
            if sum(1 for cell in cells if cell) >= 2:
                rows = [cells for _number, cells in grid[index:]]
                width = max(len(row) for row in rows)
                return [row + [""] * (width - len(row)) for row in rows]
    raise TableFileError(_("Không tìm thấy bảng thời khóa biểu trong tệp."))
