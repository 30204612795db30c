"""Reading the bytes of an uploaded or given school list into tables of cell texts.

What offices really send: XLSX (any sheet, merged cells, title rows), Excel's "CSV UTF-8"
(BOM, often semicolons: the Vietnamese list separator), "Unicode Text" (UTF-16 with tabs),
plain UTF-8 CSV, and CSV in Windows-1258, whose tone marks are separate combining bytes that
Python's codec leaves decomposed (NFC puts them together). The kind is told by the content,
not the file name. Anything else (an old .xls, a PDF, an image, a broken file) is refused with
one Vietnamese sentence naming the file and what to do.
"""

import codecs
import csv
import io
import logging
import warnings
import zipfile
from dataclasses import dataclass

from django.utils.translation import gettext as _

from tenants.services.import_columns import cell_text
from tenants.text import line_clean

logger = logging.getLogger(__name__)

MAX_FILE_BYTES = 20 * 1024 * 1024  # a province's list (3,000 schools) is well under 1 MB
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # an XLSX inflated: refuses zip bombs
MAX_ROWS = 20_000
MAX_COLUMNS = 100
OLE2_SIGNATURE = bytes.fromhex("d0cf11e0a1b11ae1")  # .xls (and .doc) of Office 97–2003
DELIMITER_NAMES = {",": "dấu phẩy", ";": "dấu chấm phẩy", "\t": "tab"}
# Control characters never found in a text school list; their presence means binary content.
_BINARY = set(range(0x00, 0x09)) | set(range(0x0E, 0x1B)) | {0x7F}


class ImportFileError(ValueError):
    """The file cannot be read as a school list; the message (Vietnamese) says why and how."""


@dataclass(frozen=True)
class Table:
    """One way of reading the file: an XLSX sheet, or a text file split by one delimiter."""

    kind: str  # "Excel (.xlsx)", "CSV UTF-8 (có BOM)", "Unicode Text (UTF-16)"…
    detail: str  # "trang tính 'DS trường'", "phân cách bằng dấu chấm phẩy"
    rows: list[tuple[int, list[str]]]  # (row number as the office sees it, cell texts);
    # blank rows are left out, so the numbers may jump

    @property
    def source(self) -> str:
        return f"{self.kind}, {self.detail}"


def tables_read(*, data: bytes, filename: str) -> list[Table]:
    """Every plausible reading of `data` (XLSX sheets in order; text with each delimiter).

    Raises ImportFileError for an empty, too large, broken or non-spreadsheet file.
    """
    if not data:
        raise ImportFileError(_("Tệp %(file)s trống.") % {"file": filename})
    if len(data) > MAX_FILE_BYTES:
        raise ImportFileError(
            _("Tệp %(file)s lớn quá %(mb)d MB: một danh sách trường không cần lớn như vậy.")
            % {"file": filename, "mb": MAX_FILE_BYTES // (1024 * 1024)}
        )
    if data.startswith(b"PK\x03\x04"):
        return _xlsx_tables(data, filename)
    if data.startswith(OLE2_SIGNATURE):
        raise ImportFileError(
            _(
                "Tệp %(file)s là bảng tính Excel 97–2003 (.xls): mở bằng Excel, chọn Lưu thành "
                "'Excel Workbook (.xlsx)' hoặc 'CSV UTF-8' rồi gửi lại."
            )
            % {"file": filename}
        )
    if data.startswith(b"%PDF"):
        raise ImportFileError(
            _(
                "Tệp %(file)s là tệp PDF, không phải bảng tính: hãy gửi danh sách dạng Excel "
                "(.xlsx) hoặc CSV."
            )
            % {"file": filename}
        )
    text, kind = _text_decode(data, filename)
    delimiters = ["\t", ",", ";"] if "UTF-16" in kind else [",", ";", "\t"]
    return [_text_table(text, kind, delimiter, filename) for delimiter in delimiters]


def _not_a_spreadsheet(filename: str) -> ImportFileError:
    return ImportFileError(
        _(
            "Tệp %(file)s không phải bảng tính hay văn bản (có thể là ảnh hoặc tệp khác): hãy "
            "gửi danh sách dạng Excel (.xlsx) hoặc CSV."
        )
        % {"file": filename}
    )


def _utf16_without_bom(data: bytes) -> str | None:
    """ "utf-16-le"/"utf-16-be" when the bytes look like UTF-16 text without a BOM: Vietnamese
    text there is mostly ASCII, so one byte of each pair is nearly always zero."""
    sample = data[:4000]
    even, odd = sample[0::2], sample[1::2]
    if odd and odd.count(0) > 0.3 * len(odd) and even.count(0) < 0.02 * len(even):
        return "utf-16-le"
    if even and even.count(0) > 0.3 * len(even) and odd.count(0) < 0.02 * len(odd):
        return "utf-16-be"
    return None


def _text_decode(data: bytes, filename: str) -> tuple[str, str]:
    """(text, kind) for a text file; the kind names the encoding for people."""
    if data.startswith(codecs.BOM_UTF8):
        encoding, kind, body = "utf-8", _("CSV UTF-8 (có BOM)"), data[3:]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding, kind, body = "utf-16", _("Unicode Text (UTF-16)"), data
    elif (utf16 := _utf16_without_bom(data)) is not None:
        encoding, kind, body = utf16, _("Unicode Text (UTF-16)"), data
    else:
        try:
            return data.decode("utf-8"), _("CSV UTF-8")
        except UnicodeDecodeError:
            # Not UTF-8: an office's Windows writes its ANSI code page, Windows-1258. Its
            # decoding leaves tone marks as combining characters; line_clean composes them.
            encoding, kind, body = "cp1258", _("CSV Windows-1258"), data
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as exc:
        if encoding == "cp1258":
            raise _not_a_spreadsheet(filename) from exc
        raise ImportFileError(
            _(
                "Tệp %(file)s ghi là %(kind)s nhưng có chữ không đọc được theo bảng mã đó: hãy "
                "lưu lại dạng 'CSV UTF-8' rồi gửi lại."
            )
            % {"file": filename, "kind": kind}
        ) from exc
    if any(ord(char) in _BINARY for char in text[:20000]):
        raise _not_a_spreadsheet(filename)
    return text, kind


def _text_table(text: str, kind: str, delimiter: str, filename: str) -> Table:
    rows = []
    try:
        for number, cells in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), 1):
            if number > MAX_ROWS:
                raise _too_many_rows(filename)
            texts = [line_clean(cell) for cell in cells[:MAX_COLUMNS]]
            if any(texts):
                rows.append((number, texts))
    except csv.Error as exc:
        raise ImportFileError(
            _("Tệp %(file)s không đọc được như bảng CSV (%(reason)s).")
            % {"file": filename, "reason": exc}
        ) from exc
    detail = _("phân cách bằng %(name)s") % {"name": DELIMITER_NAMES[delimiter]}
    return Table(kind=kind, detail=detail, rows=rows)


def _too_many_rows(filename: str) -> ImportFileError:
    return ImportFileError(
        _("Tệp %(file)s có hơn %(max)s dòng: hãy chia danh sách thành nhiều tệp.")
        % {"file": filename, "max": f"{MAX_ROWS:,}".replace(",", ".")}
    )


def _xlsx_tables(data: bytes, filename: str) -> list[Table]:
    broken = ImportFileError(
        _(
            "Tệp %(file)s bị hỏng (không mở được như tệp Excel .xlsx): hãy mở bằng Excel, lưu "
            "lại rồi gửi lại."
        )
        % {"file": filename}
    )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise broken from exc
    if "xl/workbook.xml" not in names:
        if "mimetype" in names and b"opendocument.spreadsheet" in archive.read("mimetype"):
            message = _(
                "Tệp %(file)s là bảng tính OpenDocument (.ods): lưu lại dạng 'Excel 2007-365 "
                "(.xlsx)' hoặc CSV rồi gửi lại."
            )
        elif "word/document.xml" in names:
            message = _("Tệp %(file)s là văn bản Word, không phải bảng tính Excel hay CSV.")
        else:
            message = _("Tệp %(file)s là tệp nén, không phải bảng tính Excel (.xlsx) hay CSV.")
        raise ImportFileError(message % {"file": filename})
    if unpacked > MAX_UNPACKED_BYTES:
        raise ImportFileError(
            _("Tệp %(file)s giải nén ra quá lớn: một danh sách trường không cần lớn như vậy.")
            % {"file": filename}
        )
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            # openpyxl warns about Excel features it skips (data validation, slicers…).
            warnings.simplefilter("ignore")
            # Not read-only: merged cells are only known in the full reader.
            book = load_workbook(io.BytesIO(data), data_only=True)
    except Exception as exc:  # openpyxl raises many types (KeyError, XML errors…) for one cause
        logger.info("unreadable XLSX %s: %r", filename, exc)
        raise broken from exc
    return [
        Table(
            kind=_("Excel (.xlsx)"),
            detail=_("trang tính '%(sheet)s'") % {"sheet": sheet.title},
            rows=_sheet_rows(sheet, filename),
        )
        for sheet in book.worksheets
        if sheet.sheet_state == "visible"
    ]


def _sheet_rows(sheet, filename: str) -> list[tuple[int, list[str]]]:
    """Row number and cell texts of every non-blank row; a merged range's value fills all its
    cells (a level written once for several schools belongs to each of them)."""
    # Only the cells the file holds: iter_rows() would create every cell up to max_row, and one
    # stray cell typed at row 1,048,576 would then mean a million empty rows.
    held = sheet._cells  # noqa: SLF001 — openpyxl's own map of the cells it read
    values: dict[int, dict[int, str]] = {}
    for (row, column), cell in held.items():
        if column <= MAX_COLUMNS and cell.value is not None:
            text = cell_text(cell.value, cell.number_format)
            if text:
                values.setdefault(row, {})[column] = text
    last_row = max(values, default=0)
    for cell_range in sheet.merged_cells.ranges:
        top_left = held.get((cell_range.min_row, cell_range.min_col))
        value = cell_text(top_left.value, top_left.number_format) if top_left else ""
        if not value:
            continue
        for row in range(cell_range.min_row, min(cell_range.max_row, last_row) + 1):
            for column in range(cell_range.min_col, min(cell_range.max_col, MAX_COLUMNS) + 1):
                values.setdefault(row, {})[column] = value
    if len(values) > MAX_ROWS:
        raise _too_many_rows(filename)
    width = max((max(columns) for columns in values.values()), default=0)
    return [
        (row, [values[row].get(column, "") for column in range(1, width + 1)])
        for row in sorted(values)
    ]
