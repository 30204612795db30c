"""What the cells of an office's school list mean: column headers, cell values, yes/no words.

Offices write headers in their own words, with or without tone marks ("Tên trường",
"Tên đơn vị", "Ten truong", "Website", "Có bán trú"), above the header put title rows, and
below it a row numbering the columns, group headings ("I. KHỐI MẦM NON"), a total line and
signatures. These helpers recognise each of them; they are pure (no database).
"""

import datetime
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from tenants.services.validation import SchoolInputError, levels_parse
from tenants.text import line_clean, text_key

# Header words (as `text_key` gives them) → (field, rank). When two columns name the same
# field, the higher rank wins: "Email hiệu trưởng" beats a school's general "Email" column.
COLUMN_WORDS: dict[str, tuple[str, int]] = {
    **dict.fromkeys(
        ["ten truong", "ten don vi", "ten truong hoc", "ten co so giao duc", "ten co so"],
        ("name", 2),
    ),
    **dict.fromkeys(["name", "school", "school name", "ten", "truong", "don vi"], ("name", 1)),
    **dict.fromkeys(["cap hoc", "bac hoc", "cap", "cap truong", "levels", "level"], ("levels", 2)),
    **dict.fromkeys(["ten mien", "domain", "host", "ten mien website"], ("domain", 2)),
    **dict.fromkeys(
        [
            "website",
            "web",
            "trang web",
            "dia chi website",
            "dia chi trang web",
            "trang thong tin dien tu",
            "cong thong tin dien tu",
            "url",
        ],
        ("domain", 1),
    ),
    **dict.fromkeys(
        ["ma truong", "ma", "ma don vi", "ma so", "ma co so", "ma truong hoc", "code"], ("code", 2)
    ),
    **dict.fromkeys(
        [
            "email hieu truong",
            "e mail hieu truong",
            "thu dien tu hieu truong",
            "email ht",
            "principal email",
        ],
        ("principal_email", 2),
    ),
    **dict.fromkeys(
        ["email", "e mail", "mail", "thu dien tu", "dia chi email", "hop thu"],
        ("principal_email", 1),
    ),
    **dict.fromkeys(
        [
            "ban tru",
            "co ban tru",
            "to chuc ban tru",
            "co to chuc ban tru",
            "an ban tru",
            "serves meals",
        ],
        ("serves_meals", 2),
    ),
    **dict.fromkeys(["stt", "tt", "so tt", "so thu tu", "no"], ("stt", 2)),
}
REQUIRED_FIELDS = ("name", "levels", "domain")
HEADER_SCAN_ROWS = 30  # title rows above the header rarely pass ten

YES_WORDS = {"x", "co", "1", "yes", "true", "v", "ok", "co ban tru"}
NO_WORDS = {"", "khong", "0", "no", "false", "k", "khong co"}

_PARENTHESES = re.compile(r"\([^)]*\)")
_ZERO_FORMAT = re.compile(r"^0+$")
_FLOAT_CODE = re.compile(r"^(\d+)\.0+$")
_STT = re.compile(r"^\d{1,5}[.)]?$")
_COLUMN_NUMBER = re.compile(r"^\(?(\d{1,2}|[A-Z])\)?$")


def column_field(header: str | None) -> str | None:
    """The field a header names (`name`, `levels`, `domain`, `code`, `principal_email`,
    `serves_meals`, `stt`) or None. Words in parentheses are notes: "Cấp học (MN/TH/THCS)"."""
    match = COLUMN_WORDS.get(text_key(_PARENTHESES.sub(" ", line_clean(header))))
    return match[0] if match else None


def cell_text(value, number_format: str | None = None) -> str:
    """A spreadsheet cell as the office sees it, as NFC text on one line.

    Whole numbers lose Excel's float form (79001.0 → "79001") and keep the leading zeros a
    "00000" number format shows (1005 → "01005"); dates read dd/mm/yyyy; TRUE reads "Có".
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("Có") if value else _("Không")
    if isinstance(value, int | float):
        if isinstance(value, float) and not (value.is_integer() and abs(value) < 1e15):
            return f"{value:.15g}"
        text = str(int(value))
        if number_format and _ZERO_FORMAT.match(number_format):
            text = text.zfill(len(number_format))
        return text
    if isinstance(value, datetime.datetime):
        return value.strftime("%d/%m/%Y" if value.time() == datetime.time() else "%d/%m/%Y %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M")
    return line_clean(value)


def field_value(field: str, text: str) -> str:
    """A cell's text for its field: a code a program wrote as a float ("79001.0") is "79001"."""
    if field == "code":
        match = _FLOAT_CODE.match(text)
        if match:
            return match.group(1)
    return text


def serves_meals_parse(text: str | None) -> bool:
    """Whether a "Bán trú" cell says yes ("x", "Có", "1"…) or no (empty, "Không", "0");
    raises SchoolInputError (field `serves_meals`) for anything else."""
    key = text_key(text)
    if key in YES_WORDS:
        return True
    if key in NO_WORDS:
        return False
    raise SchoolInputError(
        {
            "serves_meals": _(
                "không hiểu '%(value)s': ghi x, Có hoặc 1 nếu trường tổ chức bán trú, để trống "
                "nếu không."
            )
            % {"value": line_clean(text)}
        }
    )


@dataclass(frozen=True)
class Header:
    """Where the header row is (index in the table) and which column holds each field."""

    index: int
    columns: dict[str, int]
    titles: dict[str, str]  # field → the header as written

    @property
    def missing(self) -> list[str]:
        return [f for f in REQUIRED_FIELDS if f not in self.columns]


def header_match(cells: list[str]) -> Header | None:
    """The fields a row names when read as a header, or None when it does not look like one
    (a header names the school and at least one other field)."""
    columns: dict[str, int] = {}
    titles: dict[str, str] = {}
    ranks: dict[str, int] = {}
    for column, cell in enumerate(cells):
        match = COLUMN_WORDS.get(text_key(_PARENTHESES.sub(" ", cell)))
        if match is None:
            continue
        field, rank = match
        if field not in columns or rank > ranks[field]:
            columns[field], titles[field], ranks[field] = column, cell, rank
    if "name" not in columns or len(set(columns) - {"stt"}) < 2:
        return None
    return Header(index=-1, columns=columns, titles=titles)


def header_find(rows: list[list[str]]) -> Header | None:
    """The header among the first rows: the one naming the most fields (the first of equals),
    so title rows, blank rows and merged banners above it are passed over."""
    best: Header | None = None
    for index, cells in enumerate(rows[:HEADER_SCAN_ROWS]):
        found = header_match(cells)
        if found and (best is None or len(found.columns) > len(best.columns)):
            best = Header(index=index, columns=found.columns, titles=found.titles)
    return best


def row_ignored_reason(*, cells: list[str], values: dict[str, str], has_stt: bool) -> str:
    """Why a non-blank row below the header is not a school, or "" when it is one.

    - a row numbering the columns: "(1) (2) (3)…" or "A B C…";
    - the header repeated (printed lists repeat it on every page);
    - with an STT column: a non-numeric STT ("I", "II", "Tổng cộng") is a group heading or a
      total; an empty STT with neither a known level nor a host (signatures, a date line) is
      text under the table. Without an STT column every non-blank row is a school, so that no
      mistyped school is ever passed over silently.
    """
    filled = [cell for cell in cells if cell]
    if len(filled) >= 2 and all(_COLUMN_NUMBER.match(cell) for cell in filled):
        return _("dòng đánh số cột")
    if header_match(cells):
        return _("dòng tiêu đề lặp lại")
    if not has_stt:
        return ""
    stt = values.get("stt", "")
    if stt:
        return (
            "" if _STT.match(stt) else _("dòng tiêu đề nhóm hoặc dòng tổng, không phải một trường")
        )
    if values.get("name") and ("." in values.get("domain", "") or _is_level(values.get("levels"))):
        return ""
    return _("không phải một trường (không có số thứ tự, cấp học hay tên miền)")


def _is_level(text: str | None) -> bool:
    try:
        levels_parse(text)
    except SchoolInputError:
        return False
    return True
