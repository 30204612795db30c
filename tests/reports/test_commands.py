"""The monthly_report command: files in every format, exactly once, specific errors."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from reports.models import MonthlyReport
from tests.crafting import month_of_each_category

pytestmark = pytest.mark.django_db


def test_monthly_report_command(authority, frozen_now, tmp_path, capsys):
    month_of_each_category(authority)
    target = tmp_path / "bao-cao.json"
    call_command(
        "monthly_report",
        authority=authority.code,
        month="2026-10",
        format="json",
        output=str(target),
    )
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["month"] == "2026-10" and data["summary"]["schools"] == 4
    call_command("monthly_report", authority=authority.code, month="2026-10")
    assert "đã có, không đổi" in capsys.readouterr().out
    xlsx = tmp_path / "bao-cao.xlsx"
    call_command(
        "monthly_report", authority=authority.code, month="2026-10", format="xlsx", output=str(xlsx)
    )
    assert xlsx.read_bytes()[:2] == b"PK"
    assert MonthlyReport.objects.get().generations.count() == 1


def test_monthly_report_command_reads_the_month_as_people_write_it(authority, frozen_now, capsys):
    month_of_each_category(authority)
    call_command("monthly_report", authority=authority.code, month="10/2026")
    assert "2026-10" in capsys.readouterr().out
    call_command("monthly_report", authority=authority.code, month="Tháng 10/2026")
    assert "đã có, không đổi" in capsys.readouterr().out
    assert MonthlyReport.objects.get().month == "2026-10"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            {"authority": "khong-ton-tai", "month": "2026-10"},
            "không có cơ quan quản lý mã “khong-ton-tai”",
        ),
        ({"month": "2026-13"}, "--month: “2026-13” không phải là một tháng hợp lệ"),
        ({"month": "10/26"}, "hãy ghi tháng/năm, ví dụ 11/2026"),
        ({"month": "2026-11"}, "Tháng 11/2026 chưa kết thúc"),
        ({"month": "2026-10", "regenerate": True}, "Cần ghi lý do tạo lại báo cáo"),
    ],
)
def test_monthly_report_command_bad_input(authority, frozen_now, options, message):
    options = {"authority": authority.code, **options}
    with pytest.raises(CommandError, match=message.replace("(", r"\(")):
        call_command("monthly_report", **options)
    assert not MonthlyReport.objects.exists()
