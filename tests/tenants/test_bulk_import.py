"""Bulk import from CSV and XLSX: per-row errors, good rows created, idempotent re-runs."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook

from tenants.models import School
from tenants.services.bulk_import import ImportFileError, schools_import

pytestmark = pytest.mark.django_db

ROWS = [
    ["Tên trường", "Cấp học", "Tên miền", "Email hiệu trưởng"],
    ["Trường Mầm non Hoa Sen", "Mầm non", "mn-hoa-sen.localhost", "ht@hoasen.edu.vn"],
    ["Trường TH & THCS Đông Hòa", "TH & THCS", "th-thcs-dong-hoa.localhost", ""],
    ["Trường THCS Lỗi", "đại học", "thcs-loi.localhost", ""],
    ["Trường TH Sai Tên Miền", "primary", "sai tên miền", ""],
]


def _xlsx(tmp_path, rows):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    path = tmp_path / "truong.xlsx"
    book.save(path)
    return path


def test_xlsx_import_creates_good_rows_and_reports_bad_ones(authority, tmp_path):
    report = schools_import(path=_xlsx(tmp_path, ROWS), authority=authority)
    assert [(r.row, r.status) for r in report.rows] == [
        (2, "created"),
        (3, "created"),
        (4, "error"),
        (5, "error"),
    ]
    assert "unknown level(s) đại học" in report.rows[2].message
    assert "not a valid host name" in report.rows[3].message
    combined = School.objects.get(code="truong-th-thcs-dong-hoa")
    assert combined.levels == ["primary", "lower_secondary"]
    assert School.objects.get(code="truong-mam-non-hoa-sen").levels == ["preschool"]


def test_rerunning_the_same_file_creates_nothing_twice(authority, tmp_path):
    path = _xlsx(tmp_path, ROWS[:3])
    schools_import(path=path, authority=authority)
    again = schools_import(path=path, authority=authority)
    assert [r.status for r in again.rows] == ["skipped", "skipped"]
    assert School.objects.real().count() == 2


def test_csv_with_english_headers_and_command_exit_code(authority, tmp_path, capsys):
    path = tmp_path / "schools.csv"
    path.write_text(
        "name,levels,domain\nTHCS Nguyễn Du,lower_secondary,thcs-nguyen-du.localhost\n"
        "THCS Trùng,lower_secondary,thcs-nguyen-du.localhost\n",
        encoding="utf-8",
    )
    with pytest.raises(CommandError, match="1 row"):
        call_command("import_schools", str(path), authority=authority.code)
    out = capsys.readouterr()
    assert (
        "row 3 (THCS Trùng): domain: the host name thcs-nguyen-du.localhost is already used"
        in out.out
    )
    assert "1 created, 0 already existed, 1 with errors" in out.out
    assert "2/2" in out.err  # the progress bar reached the end
    assert School.objects.filter(code="thcs-nguyen-du").exists()


def test_unreadable_files_get_a_clear_error(authority, tmp_path):
    bad = tmp_path / "schools.xlsx"
    bad.write_bytes(b"not a spreadsheet")
    with pytest.raises(ImportFileError, match="not a readable XLSX"):
        schools_import(path=bad, authority=authority)
    missing = tmp_path / "schools.csv"
    missing.write_text("name,levels\nA,primary\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match="missing column"):
        schools_import(path=missing, authority=authority)
    with pytest.raises(CommandError, match="unknown authority code 'nope'"):
        call_command("import_schools", str(missing), authority="nope")
