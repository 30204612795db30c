"""Every export cell a school or person can influence stays text, never a formula.

A school named `=HYPERLINK(…)` (and an authority, a code or a website written the same way)
reaches the office's Excel as that text: the CSV cell starts with an apostrophe, the XLSX cell
is a string with Excel's quote prefix. One test per export: the monthly report's CSV and XLSX
(both sheets) and the emulation ranking's XLSX.
"""

import csv
import io

import pytest
from openpyxl import load_workbook

from reports.exports import report_export
from reports.exports.formulas import FORMULA_STARTS, csv_cell, is_formula_like
from reports.generation import monthly_report_generate
from tests.crafting import crafted_school, evaluated, local, result

pytestmark = pytest.mark.django_db

EVIL_NAMES = [
    '=HYPERLINK("http://ke-gian.example/x","Bấm vào đây")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)",
    "\t=1+1",
    "\r=1+1",
]


def test_every_dangerous_start_is_recognised_and_quoted_for_csv():
    for start in FORMULA_STARTS:
        assert is_formula_like(start + "x")
        assert csv_cell(start + "x") == "'" + start + "x"
    assert csv_cell("THCS Nguyễn Du") == "THCS Nguyễn Du"
    assert csv_cell(12) == 12 and csv_cell(None) is None


@pytest.fixture
def evil_report(authority, frozen_now):
    authority.name = "=cmd|'/C notepad'!A1"
    authority.save()
    for number, name in enumerate(EVIL_NAMES):
        school = crafted_school(authority=authority, name=name, code=f"-{number}")
        result(school, status="missing", due_at=local(2026, 10, 12, 12))
        evaluated(school, category="did_not_update")
    return monthly_report_generate(authority=authority, month="2026-10").report


def _assert_text_cells(book, expected_names):
    seen = set()
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if is_formula_like(cell.value):
                    assert cell.data_type == "s" and cell.quotePrefix, cell.coordinate
                    seen.add(cell.value)
    # XML keeps no bare CR: "\r=1+1" reads back as "\n=1+1", a text cell like any other.
    assert {n for n in expected_names if not n.startswith("\r")} <= seen


def test_report_csv_quotes_every_school_controlled_cell(evil_report):
    content = report_export(evil_report, "csv").content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(content)))
    assert {r["Tên trường"] for r in rows} == {"'" + name for name in EVIL_NAMES}
    assert {r["Mã trường"] for r in rows} == {f"'-{n}" for n in range(len(EVIL_NAMES))}
    assert {r["Cơ quan quản lý"] for r in rows} == {"'=cmd|'/C notepad'!A1"}
    for row in rows:
        for value in row.values():
            assert not is_formula_like(value), row


def test_report_xlsx_keeps_school_names_as_quoted_text(evil_report):
    book = load_workbook(io.BytesIO(report_export(evil_report, "xlsx").content))
    _assert_text_cells(book, [*EVIL_NAMES, "=cmd|'/C notepad'!A1", "-0"])
    names = [r[2] for r in book["Chi tiết"].iter_rows(values_only=True)]
    assert EVIL_NAMES[0] in names  # the text is kept as written, not altered


def test_emulation_xlsx_keeps_school_names_as_quoted_text(portal_client, authority, frozen_now):
    for number, name in enumerate(EVIL_NAMES):
        school = crafted_school(authority=authority, name=name, code=f"@{number}")
        result(school, status="on_time", due_at=local(2026, 10, 12, 12))
    client = portal_client(authority, "inspector")
    download = client.get("/thi-dua/2026.xlsx")
    assert download.status_code == 200
    book = load_workbook(io.BytesIO(download.content))
    _assert_text_cells(book, [*EVIL_NAMES, "@0"])
