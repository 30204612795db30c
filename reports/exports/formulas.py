"""Spreadsheet cells that a school or a person wrote are never read as formulas.

A school named ``=HYPERLINK("http://…","Bấm vào đây")`` must reach the office's Excel as that
text, not as a live link or a command (OWASP "CSV injection"). A cell is dangerous when its
text begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return: Excel, LibreOffice and
Google Sheets start a formula on those.

- CSV has no types, so a dangerous text gets a leading apostrophe (``'=HYPERLINK(…)``), the
  mark spreadsheets read as "this is text" (`csv_cell`).
- XLSX has types: a dangerous text is stored as a string cell with Excel's "quote prefix" style,
  so the cell shows exactly what was written and stays text even when someone edits it
  (`workbook_neutralise`, applied to every cell of every sheet before saving).
"""

from openpyxl import Workbook

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(value) -> bool:
    """True for a text that a spreadsheet would start evaluating (see the module docstring)."""
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_cell(value):
    """The value to write in a CSV cell: dangerous texts prefixed with an apostrophe."""
    return "'" + value if is_formula_like(value) else value


def csv_row(values) -> list:
    return [csv_cell(value) for value in values]


def workbook_neutralise(book: Workbook) -> Workbook:
    """Turn every formula-like text cell of `book` into a quoted string cell, in place.

    openpyxl stores a text beginning with "=" as a formula (data type "f"); this sets it back to
    a string ("s") and marks every dangerous text with the quote prefix. Returns `book`.
    """
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if is_formula_like(cell.value):
                    cell.data_type = "s"
                    cell.quotePrefix = True
    return book
