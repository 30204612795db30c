"""Importing school lists end to end: each kind of file an office sends, through the command.

The fixtures are real files (fixtures/imports/, made by make_fixtures.py); every school is
provisioned through the real clone path inside the test's transaction.
"""

import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django_tenants.utils import schema_context

from sitepages.models import MenuIndexPage
from tenants.models import Domain, School
from tenants.services.bulk_import import (
    RowOutcome,
    schools_import_apply,
    schools_import_parse,
    schools_import_preview,
)
from tests.factories import school_make

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures" / "imports"


def _import(authority, name: str, **options) -> str:
    """Run the command on a fixture; returns what it printed (raises CommandError on ≠ 0)."""
    from io import StringIO

    out = StringIO()
    call_command(
        "import_schools",
        str(FIXTURES / name),
        authority=authority.code,
        stdout=out,
        stderr=StringIO(),
        **options,
    )
    return out.getvalue()


def _created(authority) -> dict[str, School]:
    schools = School.objects.real().filter(authority=authority).prefetch_related("domains")
    return {school.domains.get().domain: school for school in schools}


def test_utf8_csv_without_bom_creates_every_school(authority):
    out = _import(authority, "truong-utf8.csv")
    schools = _created(authority)
    assert sorted(schools) == [
        "mg-huong-so.phongdien.edu.vn",
        "mn-phong-an.phongdien.edu.vn",
        "th-thcs-phong-binh.phongdien.edu.vn",
    ]
    phong_an = schools["mn-phong-an.phongdien.edu.vn"]
    assert phong_an.name == "Trường Mầm non Phong An"
    assert phong_an.code == "79001"
    assert phong_an.levels == ["preschool"]
    assert phong_an.principal_email == "ht.mnphongan@phongdien.edu.vn"
    assert phong_an.serves_meals is True
    assert schools["mg-huong-so.phongdien.edu.vn"].levels == ["preschool"]
    assert schools["th-thcs-phong-binh.phongdien.edu.vn"].levels == ["primary", "lower_secondary"]
    assert "3 trường đã tạo" in out


def test_reimporting_the_list_saved_on_macos_in_nfd_creates_nothing_twice(authority):
    _import(authority, "truong-utf8.csv")
    before = set(School.objects.real().values_list("pk", flat=True))
    out = _import(authority, "truong-nfd-macos.csv")  # exit code 0: no CommandError
    assert set(School.objects.real().values_list("pk", flat=True)) == before
    for row in (2, 3, 4):
        assert f"Dòng {row}: đã có từ trước" in out
    assert "0 trường đã tạo, 3 đã có từ trước, 0 dòng lỗi" in out


def test_excel_csv_utf8_with_bom_and_semicolons_honours_email_and_meals(authority):
    _import(authority, "truong-excel-utf8-bom.csv")
    schools = _created(authority)
    assert sorted(schools) == [
        "th-phong-hien.phongdien.edu.vn",  # from http://th-phong-hien.phongdien.edu.vn/
        "th-thcs-dien-hoa.phongdien.edu.vn",
        "thcs-nguyen-duy.phongdien.edu.vn",  # from https://www.thcs-nguyen-duy...
    ]
    hien = schools["th-phong-hien.phongdien.edu.vn"]
    assert (hien.code, hien.serves_meals) == ("79003", True)
    assert hien.principal_email == "hieutruong.phonghien@phongdien.edu.vn"
    assert schools["th-thcs-dien-hoa.phongdien.edu.vn"].name == "Trường TH & THCS Điền Hòa"
    # principal_email ("Email") and serves_meals ("Có bán trú") reach the school's own schema.
    duy = schools["thcs-nguyen-duy.phongdien.edu.vn"]
    with schema_context(hien.schema_name):
        principal = get_user_model().objects.get()
        assert principal.email == "hieutruong.phonghien@phongdien.edu.vn"
        assert MenuIndexPage.objects.filter(live=True).exists()
    with schema_context(duy.schema_name):
        assert not get_user_model().objects.exists()
        assert not MenuIndexPage.objects.exists()


def test_excel_unicode_text_utf16_with_title_rows(authority):
    out = _import(authority, "truong-unicode-text.txt")
    schools = _created(authority)
    assert {host: s.levels for host, s in schools.items()} == {
        "nt-hoa-sen.phongdien.edu.vn": ["preschool"],
        "mn-phong-hoa.phongdien.edu.vn": ["preschool"],
        "th-thcs-phong-chuong.phongdien.edu.vn": ["primary", "lower_secondary"],
    }
    assert schools["nt-hoa-sen.phongdien.edu.vn"].name == "Nhà trẻ Hoa Sen"
    assert "Dòng 5: đã tạo" in out


def test_windows_1258_list(authority):
    _import(authority, "truong-windows-1258.csv")
    names = sorted(School.objects.real().filter(authority=authority).values_list("name", flat=True))
    assert names == [
        "Trường Mầm non Quảng Lợi",
        "Trường TH và THCS Điền Lộc",
        "Trường THCS Nguyễn Tri Phương",
        "Trường Tiểu học Phong Mỹ",
    ]
    assert all(unicodedata.is_normalized("NFC", name) for name in names)


def test_office_workbook_with_titles_merged_cells_and_footer(authority):
    out = _import(authority, "danh-sach-truong.xlsx")
    schools = _created(authority)
    assert len(schools) == 5
    hoa = schools["mn-phong-hoa.phongdien.edu.vn"]  # written MN-Phong-Hoa.PhongDien.edu.vn
    assert (hoa.code, hoa.levels) == ("01005", ["preschool"])  # level from the merged cell
    assert schools["mn-phong-an.phongdien.edu.vn"].code == "79001"
    assert [schools[h].serves_meals for h in sorted(schools)] == [True, False, True, True, True]
    assert "Dòng 17: bỏ qua" in out and "Tổng cộng" in out
    assert "5 trường đã tạo, 0 đã có từ trước, 0 dòng lỗi" in out


def test_a_bad_row_is_that_rows_error_and_later_rows_still_import(authority):
    with pytest.raises(CommandError) as error:
        _import(authority, "truong-co-dong-loi.csv")
    assert error.value.returncode == 1
    assert sorted(_created(authority)) == [
        "mn-phong-an.phongdien.edu.vn",
        "th-phong-son.phongdien.edu.vn",  # row 10, after seven bad rows
    ]
    son = School.objects.get(domains__domain="th-phong-son.phongdien.edu.vn")
    assert son.principal_email == "ht.phongson@phongdien.edu.vn" and son.serves_meals


def test_each_bad_row_is_named_by_its_spreadsheet_row_with_a_vietnamese_reason(authority):
    data = (FIXTURES / "truong-co-dong-loi.csv").read_bytes()
    parsed = schools_import_parse(data=data, filename="truong-co-dong-loi.csv")
    preview = schools_import_preview(parsed=parsed, authority=authority)
    outcomes = {row.number: (row.outcome, row.message) for row in preview.rows}
    assert outcomes[2][0] == outcomes[10][0] == RowOutcome.CREATE
    expected = {
        3: "E-mail hiệu trưởng: dài quá 254 ký tự",
        4: "Cấp học: Cấp 'Đại học' không thuộc nền tảng này",
        5: "Cấp học: 'Liên cấp' chưa cho biết những cấp nào",
        6: "Tên miền: 'sai tên miền' không phải tên miền hợp lệ",
        7: "Tên miền: 'ht@th-nham-cot.edu.vn' là địa chỉ e-mail, không phải tên miền",
        8: "Bán trú: không hiểu 'có lẽ'",
        9: "Tên miền: mn-phong-an.phongdien.edu.vn đã có ở dòng 2",
    }
    for number, text in expected.items():
        assert outcomes[number][0] == RowOutcome.ERROR
        assert text in outcomes[number][1], (number, outcomes[number][1])
    assert not School.objects.real().exists()  # a preview creates nothing


def test_preview_then_apply_as_the_portal_will(authority):
    existing = school_make(
        authority=authority, name="Trường Mẫu giáo Hương Sơ", domain="mg-huong-so.phongdien.edu.vn"
    )
    data = (FIXTURES / "truong-utf8.csv").read_bytes()
    preview = schools_import_preview(
        parsed=schools_import_parse(data=data, filename="truong-utf8.csv"), authority=authority
    )
    assert [(row.number, row.outcome) for row in preview.rows] == [
        (2, RowOutcome.CREATE),
        (3, RowOutcome.EXISTS),
        (4, RowOutcome.CREATE),
    ]
    assert preview.rows[0].levels == ("preschool",) and preview.rows[0].code == "79001"
    assert preview.as_dict()["rows"][1]["outcome_label"] == "Đã có từ trước"
    assert School.objects.real().count() == 1
    done = []
    result = schools_import_apply(
        preview=preview, authority=authority, progress=lambda n, total: done.append((n, total))
    )
    assert [row.outcome for row in result.rows] == [
        RowOutcome.CREATED,
        RowOutcome.EXISTS,
        RowOutcome.CREATED,
    ]
    assert done[-1] == (2, 2)  # the two rows to create
    assert School.objects.real().count() == 3
    assert School.objects.get(pk=existing.pk).name == "Trường Mẫu giáo Hương Sơ"


def test_dry_run_shows_the_preview_and_creates_nothing(authority):
    out = _import(authority, "truong-utf8.csv", dry_run=True)
    assert "Dòng 2: sẽ tạo Trường Mầm non Phong An" in out
    assert "Chưa tạo gì" in out
    assert not School.objects.real().exists()


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("trong.csv", "Tệp trong.csv trống"),
        ("thuc-ra-la-pdf.xlsx", "là tệp PDF"),
        ("thuc-ra-la-anh.csv", "không phải bảng tính"),
        ("hong.xlsx", "bị hỏng"),
        ("chi-co-tieu-de.xlsx", "Không tìm thấy dòng tiêu đề"),
        ("thieu-cot-ten-mien.csv", "thiếu cột Tên miền"),
    ],
)
def test_unreadable_file_is_one_vietnamese_message_and_exit_code_2(authority, name, message):
    with pytest.raises(CommandError) as error:
        _import(authority, f"khong-doc-duoc/{name}")
    assert message in str(error.value)
    assert error.value.returncode == 2
    assert not Domain.objects.exists()


def test_unreadable_file_through_the_real_command_line_has_no_traceback():
    """The process a person runs: exit code 2, one message on stderr, no Python traceback.
    The file is checked before anything is read from the database."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "schoolhost.settings.test"}
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "import_schools",
            str(FIXTURES / "khong-doc-duoc/hong.xlsx"),
            "--authority",
            "khong-can",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert "hong.xlsx" in result.stderr and "bị hỏng" in result.stderr


def test_unknown_authority_is_a_vietnamese_error(tmp_path):
    with pytest.raises(CommandError, match="Không có cơ quan quản lý mã 'nope'"):
        call_command("import_schools", str(FIXTURES / "truong-utf8.csv"), authority="nope")
