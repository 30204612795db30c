"""The files schools already type parse into the rows of their pages (no database).

The fixtures are written by tests/sitepages/fixtures/make_fixtures.py (committed beside them).
"""

import datetime as dt
import io
from pathlib import Path

import pytest
from docx import Document

from sitepages.tables.columns import MENU, REGISTER, SCHEDULE, table_rows_read, timetable_table
from sitepages.tables.reading import TableFileError, grids_from_paste, grids_read
from sitepages.tables.weekdays import weekday_heading, weekday_parse

FIXTURES = Path(__file__).parent / "fixtures"
WEEK = dt.date(2026, 11, 30)


def read(name: str):
    return grids_read(data=(FIXTURES / name).read_bytes(), filename=name)


def test_the_weekly_work_schedule_docx_with_merged_day_cells():
    result = table_rows_read(kind=SCHEDULE, grids=read("lich-cong-tac-tuan.docx"), week_start=WEEK)
    days = [row["weekday"] for row in result.rows]
    assert days == ["0", "0", "0", "1", "1", "2", "3", "4", "5"]
    assert result.rows[0] == {
        "weekday": "0",
        "time": "Sáng 7h00",
        "content": "Chào cờ đầu tuần",
        "chair": "Hiệu trưởng",
        "participants": "Toàn trường",
        "location": "Sân trường",
    }
    # The merged "Buổi" cell of Monday morning reads on both of its lines.
    assert result.rows[1]["time"] == "Sáng 9h00"
    assert result.rows[2]["time"] == "Chiều 14h00"
    # The note merged across the table mentions a day, yet is no day heading: kept to correct.
    assert [(p.number, p.text) for p in result.problems] == [
        (11, "Các tổ chuyên môn nộp kế hoạch tháng 12 trước thứ Sáu.")
    ]
    assert "Dòng 11" in str(result.problems[0])


def test_the_lesson_register_xlsx():
    result = table_rows_read(kind=REGISTER, grids=read("lich-bao-giang.xlsx"), week_start=WEEK)
    assert [
        (r["weekday"], r["session"], r["period"], r["class_name"], r["lesson"]) for r in result.rows
    ] == [
        ("0", "Sáng", "1", "6A", "Bài 12: Phép chia hết"),
        ("0", "Sáng", "2", "6B", "Bài 12: Phép chia hết"),
        ("1", "Sáng", "2", "7A", "Bài 8: Đại lượng tỉ lệ thuận"),
        ("1", "Chiều", "1", "6A", "Luyện tập phép chia"),
        ("3", "Sáng", "4", "7A", "Luyện tập"),
        ("3", "Sáng", "5", "7A", "Sinh hoạt chủ điểm tháng 12"),
    ]
    assert result.rows[0]["notes"] == "Bảng phụ"
    # The empty third period and the signature line are not content: nothing to correct.
    assert result.problems == []


def test_a_menu_with_the_days_as_columns_reads_transposed():
    result = table_rows_read(kind=MENU, grids=read("thuc-don.docx"), week_start=WEEK)
    assert [row["weekday"] for row in result.rows] == ["0", "1", "2", "3", "4"]
    assert result.rows[3] == {
        "weekday": "3",
        "breakfast": "Mì quảng",
        "lunch": "Cơm, gà xào sả, canh rau ngót",
        "snack": "Sữa tươi",
    }


def test_a_timetable_is_kept_as_its_grid():
    table = timetable_table(read("thoi-khoa-bieu.xlsx"))
    assert table[0] == ["Thứ", "Tiết", "6A", "6B", "7A"]
    assert table[2] == ["Thứ Hai", "2", "Toán", "Văn", "Anh"]
    assert len(table) == 5


def test_a_table_pasted_from_word_or_excel():
    pasted = (
        "Thứ\tBuổi\tNội dung công việc\tChủ trì\r\n"
        "Thứ Hai\tSáng\tChào cờ\tHiệu trưởng\r\n"
        '\t\t"Họp tổ\nchuyên môn"\tTổ trưởng\r\n'
        "T4\tChiều\tDự giờ\t\r\n"
        "Ngày mai\tSáng\tViệc không rõ ngày\t\r\n"
    )
    result = table_rows_read(kind=SCHEDULE, grids=grids_from_paste(pasted), week_start=WEEK)
    assert [(r["weekday"], r["time"], r["content"]) for r in result.rows] == [
        ("0", "Sáng", "Chào cờ"),
        ("0", "Sáng", "Họp tổ chuyên môn"),
        ("2", "Chiều", "Dự giờ"),
    ]
    assert len(result.problems) == 1 and result.problems[0].number == 5
    assert "Ngày mai" in result.problems[0].reason


def test_weekdays_as_schools_write_them():
    assert weekday_parse("THỨ HAI") == 0
    assert weekday_parse("Thứ 3") == 1
    assert weekday_parse("T7") == 5
    assert weekday_parse("Chủ nhật") == 6 and weekday_parse("CN") == 6
    assert weekday_parse("Thái Bình") is None
    assert weekday_parse("02/12", week_start=WEEK) == 2
    assert weekday_parse("02/12") is None
    assert weekday_heading("Nộp trước thứ Sáu") is None
    assert weekday_heading("THỨ SÁU (04/12)") == 4


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "trống"),
        (b"%PDF-1.7 ...", "PDF"),
        (bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 100, "97–2003"),
        (b"PK\x03\x04broken", "hỏng"),
    ],
)
def test_unreadable_files_get_one_vietnamese_sentence(data, words):
    with pytest.raises(TableFileError) as caught:
        grids_read(data=data, filename="lich.docx")
    assert words in str(caught.value) and "lich.docx" in str(caught.value)


def test_a_file_without_the_expected_header_is_refused_in_vietnamese():
    document = Document()
    document.add_paragraph("Không có bảng")
    buffer = io.BytesIO()
    document.save(buffer)
    with pytest.raises(TableFileError, match="không có bảng nào"):
        grids_read(data=buffer.getvalue(), filename="a.docx")
    with pytest.raises(TableFileError, match="Không tìm thấy dòng tiêu đề của bảng thực đơn"):
        table_rows_read(kind=MENU, grids=read("lich-bao-giang.xlsx"))
