"""Bytes of an uploaded file, or text pasted from Word or Excel, as grids of cell texts.

What schools have: a Word document (.docx) holding the table, an Excel workbook (.xlsx), a CSV,
or the clipboard (Word and Excel both put a copied table on it as lines of tab-separated cells;
Excel quotes a cell that holds a line break). The kind is told by the content, not the name.
Excel and CSV go through the school-list reader of `tenants` (merged cells fill their range,
numbers and dates read as the sheet shows them), so both imports read a sheet the same way.
"""

import csv
import io
import logging
import zipfile

from django.utils.translation import gettext as _

from sitepages.tables.docx_grid import Grid, docx_grids
from tenants.services.import_files import OLE2_SIGNATURE, ImportFileError, tables_read
from tenants.text import line_clean, text_nfc

logger = logging.getLogger(__name__)

MAX_TABLE_FILE_BYTES = 10 * 1024 * 1024  # a week's schedule with a logo is well under 1 MB


class TableFileError(ValueError):
    """The file holds no table we can read; the message (Vietnamese) says why and what to do."""


def grids_read(*, data: bytes, filename: str) -> list[Grid]:
    """The tables of `data`: every table of a Word file, every sheet of an Excel file, or a
    CSV split by its likely delimiters. Raises TableFileError (empty, too large, .doc/.xls,
    PDF, broken, no table)."""
    if not data:
        raise TableFileError(_("Tệp %(file)s trống.") % {"file": filename})
    if len(data) > MAX_TABLE_FILE_BYTES:
        raise TableFileError(
            _("Tệp %(file)s lớn quá %(mb)d MB: hãy gửi tệp chỉ có bảng của tuần.")
            % {"file": filename, "mb": MAX_TABLE_FILE_BYTES // (1024 * 1024)}
        )
    if data.startswith(OLE2_SIGNATURE):
        raise TableFileError(
            _(
                "Tệp %(file)s là tệp Word hoặc Excel 97–2003 (.doc, .xls): hãy mở tệp, chọn "
                "Lưu thành .docx hoặc .xlsx rồi tải lên lại."
            )
            % {"file": filename}
        )
    if data.startswith(b"%PDF"):
        raise TableFileError(
            _(
                "Tệp %(file)s là tệp PDF: không đọc được bảng trong PDF. Hãy tải lên tệp Word "
                "(.docx) hoặc Excel (.xlsx) gốc, hoặc đính kèm PDF ở mục Tệp đính kèm."
            )
            % {"file": filename}
        )
    if data.startswith(b"PK\x03\x04") and _is_docx(data):
        try:
            grids = docx_grids(data)
        except Exception as exc:  # python-docx raises many types for one cause: a broken file
            logger.info("unreadable DOCX %s: %r", filename, exc)
            raise TableFileError(
                _(
                    "Tệp %(file)s bị hỏng (không mở được như tệp Word .docx): hãy mở bằng Word, "
                    "lưu lại rồi tải lên lại."
                )
                % {"file": filename}
            ) from exc
        if not grids:
            raise TableFileError(
                _(
                    "Tệp %(file)s không có bảng nào: hãy tải lên tệp có bảng lịch (Chèn → Bảng "
                    "trong Word)."
                )
                % {"file": filename}
            )
        return grids
    try:
        tables = tables_read(data=data, filename=filename)
    except ImportFileError as exc:
        raise TableFileError(str(exc)) from exc
    grids = [table.rows for table in tables if table.rows]
    if not grids:
        raise TableFileError(_("Tệp %(file)s không có dòng nào.") % {"file": filename})
    return grids


def grids_from_paste(text: str) -> list[Grid]:
    """A table copied from Word or Excel and pasted as text: one line per row, cells separated
    by tabs; a quoted cell may hold line breaks. Without a tab, each line is one cell."""
    text = text_nfc(text).replace("\r\n", "\n").replace("\r", "\n")
    grid = []
    reader = csv.reader(io.StringIO(text), delimiter="\t")
    for number, cells in enumerate(reader, start=1):
        cells = [line_clean(cell) for cell in cells]
        if any(cells):
            grid.append((number, cells))
    return [grid] if grid else []


def _is_docx(data: bytes) -> bool:
    try:
        return "word/document.xml" in zipfile.ZipFile(io.BytesIO(data)).namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
