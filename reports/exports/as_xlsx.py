"""The report as an Excel workbook (what offices open): a "Danh sách" sheet with one row per
listed school and a "Chi tiết" sheet with one row per missing or late item."""

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from compliance.presentation import period_text
from reports.exports.as_csv import HEADER
from reports.exports.document import listed_schools
from reports.exports.formulas import workbook_neutralise

DETAIL_HEADER = (
    "Xếp loại", "Mã trường", "Tên trường", "Loại", "Quy định", "Kỳ", "Nội dung", "Trang",
)  # fmt: skip
BOLD = Font(bold=True)
HEAD_FILL = PatternFill("solid", fgColor="DDE5F0")


def render(document: dict) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Danh sách"
    sheet.append([document["authority"]["name"]])
    sheet.append([document["title"]])
    sheet["A2"].font = Font(bold=True, size=13)
    summary = document["summary"]
    sheet.append(
        [
            f"Tổng số trường: {summary['schools']} — chưa cập nhật: {summary['did_not_update']}, "
            f"cập nhật thiếu: {summary['incomplete']}, cập nhật không thường xuyên: "
            f"{summary['irregular']}, đạt yêu cầu: {summary['compliant']}"
        ]
    )
    sheet.append([])
    _header(sheet, HEADER)
    header_row = sheet.max_row
    for _, label, school in listed_schools(document):
        sheet.append(
            [
                label, school["code"], school["name"], school["authority"], school["website"],
                school["score"], len(school["missing_items"]), len(school["late_items"]),
                "\n".join(i["text"] for i in school["missing_items"]),
                "\n".join(i["text"] for i in school["late_items"]),
            ]
        )  # fmt: skip
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    _widths(sheet, (26, 18, 34, 28, 30, 9, 9, 9, 70, 70))
    for row in sheet.iter_rows(min_row=header_row + 1):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")

    detail = book.create_sheet("Chi tiết")
    _header(detail, DETAIL_HEADER)
    for _, label, school in listed_schools(document):
        for kind, items in (("thiếu", school["missing_items"]), ("trễ", school["late_items"])):
            for item in items:
                pages = [p for p in item.get("evidence") or () if p.get("url")]
                detail.append(
                    [label, school["code"], school["name"], kind, item["title"],
                     item.get("period_label") or period_text(item["period_key"]), item["text"],
                     pages[0]["url"] if pages else ""]
                )  # fmt: skip
                if pages:  # the page by its title, linked (never "bài số 51")
                    cell = detail.cell(row=detail.max_row, column=len(DETAIL_HEADER))
                    cell.hyperlink = pages[0]["url"]
                    cell.value = pages[0]["title"] or pages[0]["url"]
                    if str(cell.value)[:1] in ("=", "+", "-", "@"):
                        cell.value = "'" + str(cell.value)  # text, never a formula
    _widths(detail, (26, 18, 34, 8, 40, 28, 90, 40))
    buffer = io.BytesIO()
    workbook_neutralise(book).save(buffer)
    return buffer.getvalue()


def _header(sheet, names) -> None:
    sheet.append(list(names))
    for cell in sheet[sheet.max_row]:
        cell.font = BOLD
        cell.fill = HEAD_FILL


def _widths(sheet, widths) -> None:
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
