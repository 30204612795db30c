"""Reading school lists as offices send them (no database): encodings, layouts, words.

Each fixture under fixtures/imports/ is a real file made by make_fixtures.py with the real
encoder or library; these tests check what the reader makes of it, cell by cell.
"""

import unicodedata
from pathlib import Path

import pytest

from tenants.services.bulk_import import ImportFileError, schools_import_parse
from tenants.services.import_columns import cell_text, column_field, serves_meals_parse
from tenants.services.validation import SchoolInputError, levels_parse

FIXTURES = Path(__file__).parent / "fixtures" / "imports"


def _parse(name: str):
    path = FIXTURES / name
    return schools_import_parse(data=path.read_bytes(), filename=path.name)


def _schools(parsed) -> list[tuple]:
    return [
        (row.number, row.values["name"], row.values["levels"], row.values["domain"])
        for row in parsed.rows
        if not row.ignored_reason
    ]


def _is_nfc(text: str) -> bool:
    return unicodedata.is_normalized("NFC", text)


def test_utf8_without_bom_and_headers_without_tone_marks():
    parsed = _parse("truong-utf8.csv")
    assert parsed.header_row == 1
    assert _schools(parsed) == [
        (2, "Trường Mầm non Phong An", "Mầm non", "mn-phong-an.phongdien.edu.vn"),
        (3, "Trường Mẫu giáo Hương Sơ", "Mẫu giáo", "mg-huong-so.phongdien.edu.vn"),
        (4, "Trường TH và THCS Phong Bình", "TH và THCS", "th-thcs-phong-binh.phongdien.edu.vn"),
    ]
    first = parsed.rows[0].values
    assert first["code"] == "79001"  # exported by a program as the float 79001.0
    assert first["principal_email"] == "ht.mnphongan@phongdien.edu.vn"
    assert first["serves_meals"] == "x"


def test_nfd_text_reads_exactly_as_the_nfc_text():
    nfc, nfd = _parse("truong-utf8.csv"), _parse("truong-nfd-macos.csv")
    assert (FIXTURES / "truong-utf8.csv").read_bytes() != (
        FIXTURES / "truong-nfd-macos.csv"
    ).read_bytes()
    assert [row.values for row in nfd.rows] == [row.values for row in nfc.rows]
    assert all(_is_nfc(value) for row in nfd.rows for value in row.values.values())


def test_excel_csv_utf8_with_bom_semicolons_and_other_header_words():
    parsed = _parse("truong-excel-utf8-bom.csv")
    assert parsed.columns == {
        "name": "Tên đơn vị",
        "levels": "Cấp học",
        "domain": "Website",
        "code": "Mã trường",
        "principal_email": "Email",
        "serves_meals": "Có bán trú",
    }
    assert _schools(parsed) == [
        (2, "Trường Tiểu học Phong Hiền", "Tiểu học", "http://th-phong-hien.phongdien.edu.vn/"),
        (3, "Trường THCS Nguyễn Duy", "THCS", "https://www.thcs-nguyen-duy.phongdien.edu.vn"),
        (4, "Trường TH & THCS Điền Hòa", "TH & THCS", "th-thcs-dien-hoa.phongdien.edu.vn"),
    ]
    assert "UTF-8" in parsed.source and "BOM" in parsed.source


def test_excel_unicode_text_utf16_with_title_rows():
    parsed = _parse("truong-unicode-text.txt")
    assert parsed.header_row == 4  # two title rows and a blank row above the header
    assert _schools(parsed) == [
        (5, "Nhà trẻ Hoa Sen", "Nhà trẻ", "nt-hoa-sen.phongdien.edu.vn"),
        (6, "Trường Mầm non Phong Hòa", "MẦM NON", "mn-phong-hoa.phongdien.edu.vn"),
        (
            7,
            "Trường Tiểu học và THCS Phong Chương",
            "Tiểu học, THCS",
            "th-thcs-phong-chuong.phongdien.edu.vn",
        ),
    ]
    assert "UTF-16" in parsed.source


def test_windows_1258_combining_tone_marks_are_composed():
    raw = (FIXTURES / "truong-windows-1258.csv").read_bytes()
    assert "Trường".encode() not in raw  # really the legacy code page
    parsed = _parse("truong-windows-1258.csv")
    assert parsed.columns["name"] == "Tên trường"
    assert _schools(parsed) == [
        (2, "Trường Mầm non Quảng Lợi", "Mầm non", "mn-quang-loi.phongdien.edu.vn"),
        (3, "Trường Tiểu học Phong Mỹ", "Tiểu học", "th-phong-my.phongdien.edu.vn"),
        (4, "Trường THCS Nguyễn Tri Phương", "THCS", "thcs-nguyen-tri-phuong.phongdien.edu.vn"),
        (5, "Trường TH và THCS Điền Lộc", "TH và THCS", "th-thcs-dien-loc.phongdien.edu.vn"),
    ]
    assert all(_is_nfc(row.values["name"]) for row in parsed.rows)
    assert "1258" in parsed.source


def test_office_workbook_titles_merged_cells_stt_dates_and_codes():
    parsed = _parse("danh-sach-truong.xlsx")
    assert parsed.header_row == 7
    assert "DS trường" in parsed.source  # the instructions sheet before it has no header
    assert _schools(parsed) == [
        (10, "Trường Mầm non Phong An", "Mầm non", "mn-phong-an.phongdien.edu.vn"),
        (11, "Trường Mầm non Phong Hòa", "Mầm non", "MN-Phong-Hoa.PhongDien.edu.vn"),
        (13, "Trường Tiểu học Phong Hiền", "Tiểu học", "th-phong-hien.phongdien.edu.vn"),
        (14, "Trường TH và THCS Phong Bình", "TH & THCS", "th-thcs-phong-binh.phongdien.edu.vn"),
        (15, "Trường THCS Nguyễn Duy", "THCS", "thcs-nguyen-duy.phongdien.edu.vn"),
    ]
    by_row = {row.number: row for row in parsed.rows}
    assert by_row[10].values["code"] == "79001"
    assert by_row[11].values["code"] == "01005"  # number format 00000 keeps the leading zero
    assert [by_row[n].values["serves_meals"] for n in (10, 11, 13, 14, 15)] == [
        "x",
        "",
        "Có",
        "Có",
        "1",
    ]
    ignored = {row.number: row.ignored_reason for row in parsed.rows if row.ignored_reason}
    assert sorted(ignored) == [8, 9, 12, 17, 19, 20, 24]  # numbering, headings, footer
    assert "Tổng cộng" in by_row[17].text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (79001.0, "79001"),
        (79001, "79001"),
        (1.5, "1.5"),
        (True, "Có"),
        (None, ""),
        ("  Trường\u00a0THCS  Nguyễn Du\u200b ", "Trường THCS Nguyễn Du"),
    ],
)
def test_cells_read_as_the_office_sees_them(value, expected):
    assert cell_text(value) == expected


def test_excel_dates_read_day_first():
    import datetime

    assert cell_text(datetime.datetime(1998, 9, 5)) == "05/09/1998"
    assert cell_text(datetime.date(2026, 11, 29)) == "29/11/2026"


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Tên trường", "name"),
        ("TÊN TRƯỜNG", "name"),
        ("Ten truong", "name"),
        ("Tên đơn vị", "name"),
        ("Tên trường (*)", "name"),
        ("Cấp học", "levels"),
        ("Cap hoc", "levels"),
        ("Cấp học (MN/TH/THCS)", "levels"),
        ("Tên miền", "domain"),
        ("Website", "domain"),
        ("Địa chỉ website", "domain"),
        ("Mã trường", "code"),
        ("Email hiệu trưởng", "principal_email"),
        ("E-mail", "principal_email"),
        ("Bán trú", "serves_meals"),
        ("Có bán trú", "serves_meals"),
        ("STT", "stt"),
        ("Địa chỉ", None),
        (unicodedata.normalize("NFD", "Tên miền"), "domain"),
    ],
)
def test_headers_as_offices_write_them(header, field):
    assert column_field(header) == field


@pytest.mark.parametrize(
    ("written", "levels"),
    [
        ("Mầm non", ["preschool"]),
        ("MẦM NON", ["preschool"]),
        ("mầm  non", ["preschool"]),
        (unicodedata.normalize("NFD", "Mầm non"), ["preschool"]),
        ("Mẫu giáo", ["preschool"]),
        ("Nhà trẻ", ["preschool"]),
        ("MN", ["preschool"]),
        ("Tiểu học", ["primary"]),
        ("TH", ["primary"]),
        ("THCS", ["lower_secondary"]),
        ("Trung học cơ sở", ["lower_secondary"]),
        ("TH và THCS", ["primary", "lower_secondary"]),
        ("TH & THCS", ["primary", "lower_secondary"]),
        ("TH&THCS", ["primary", "lower_secondary"]),
        ("TH-THCS", ["primary", "lower_secondary"]),
        ("Tiểu học, THCS", ["primary", "lower_secondary"]),
        ("Liên cấp TH và THCS", ["primary", "lower_secondary"]),
        ("Mầm non, Tiểu học", ["preschool", "primary"]),
        ("primary,lower_secondary", ["primary", "lower_secondary"]),
        (["lower_secondary", "primary"], ["primary", "lower_secondary"]),
    ],
)
def test_level_names_as_written(written, levels):
    assert levels_parse(written) == levels


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("Liên cấp", "chưa cho biết những cấp nào"),
        ("Đại học", "Cấp 'Đại học' không thuộc nền tảng này"),
        ("THPT", "Cấp 'THPT' không thuộc nền tảng này"),
        ("Trung cấp nghề", "Không nhận ra cấp học 'Trung cấp nghề'"),
        ("", "Cần ít nhất một cấp học"),
    ],
)
def test_unclear_levels_are_refused_in_vietnamese(written, message):
    with pytest.raises(SchoolInputError) as error:
        levels_parse(written)
    assert message in error.value.errors["levels"]


@pytest.mark.parametrize(
    ("written", "meals"),
    [("x", True), ("X", True), ("Có", True), ("co", True), ("1", True), ("Không", False)],
)
def test_serves_meals_words(written, meals):
    assert serves_meals_parse(written) is meals
    assert serves_meals_parse("") is False


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("trong.csv", "trống"),
        ("thuc-ra-la-pdf.xlsx", "tệp PDF"),
        ("thuc-ra-la-anh.csv", "không phải bảng tính"),
        ("hong.xlsx", "bị hỏng"),
        ("chi-co-tieu-de.xlsx", "Không tìm thấy dòng tiêu đề"),
        ("thieu-cot-ten-mien.csv", "thiếu cột Tên miền"),
    ],
)
def test_unreadable_files_get_one_clear_vietnamese_message(name, message):
    with pytest.raises(ImportFileError) as error:
        _parse(f"khong-doc-duoc/{name}")
    assert message in str(error.value)
    assert name in str(error.value)
