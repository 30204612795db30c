"""The emulation ranking as an Excel workbook: rank, school, score, then one column a month."""

import io

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from reports.emulation import EmulationRow
from reports.exports.formulas import workbook_neutralise
from reports.months import month_label, school_year_label, school_year_month_keys


def emulation_workbook(
    *, authority_name: str, school_year_start: int, rows: list[EmulationRow]
) -> bytes:
    months = school_year_month_keys(school_year_start)
    book = Workbook()
    sheet = book.active
    sheet.title = "Thi đua"
    sheet.append([authority_name])
    sheet.append(
        [f"Điểm thi đua cập nhật website — năm học {school_year_label(school_year_start)}"]
    )
    sheet["A2"].font = Font(bold=True, size=13)
    sheet.append(
        ["Điểm = tỷ lệ nghĩa vụ đến hạn được đăng đúng hạn (%), có trọng số theo quy định."]
    )
    sheet.append([])
    header = ["Hạng", "Mã trường", "Tên trường", "Cơ quan quản lý", "Điểm năm học (%)"]
    header += [month_label(key) for key in months]
    sheet.append(header)
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE5F0")
    for row in rows:
        sheet.append(
            [row.rank, row.code, row.name, row.authority_name, row.score]
            + [score for _, score in row.months]
        )
    for index, width in enumerate([7, 18, 36, 30, 16] + [12] * len(months), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    buffer = io.BytesIO()
    workbook_neutralise(book).save(buffer)
    return buffer.getvalue()
