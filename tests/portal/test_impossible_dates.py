"""A date that does not exist, typed in any date field of the portal, is told as such
("Ngày 31/02/2026 không có thật: tháng 2/2026 chỉ có 28 ngày."), not as a wrongly written date
(tenants/dates.py `date_impossible_reason`, through `DayFirstDateField` and `date_parse`)."""

import pytest

from reports.generation import monthly_report_generate
from tests.crafting import month_of_each_category

pytestmark = pytest.mark.django_db
FEB = "Ngày 31/02/2026 không có thật: tháng 2/2026 chỉ có 28 ngày."


def test_the_reports_date_of_issue(portal_client, authority, frozen_now):
    month_of_each_category(authority)
    monthly_report_generate(authority=authority, month="2026-10")
    refused = portal_client(authority, "admin").post(
        "/quan-ly/bao-cao/2026-10/van-ban/",
        {"doc_number": "7", "doc_symbol": "TB-UBND", "doc_place": "Huế", "doc_date": "31/02/2026",
         "signer_title": "CHỦ TỊCH", "signer_name": "Lê Bình", "recipients": "Lưu: VT."},
    )  # fmt: skip
    assert refused.status_code == 400 and FEB in refused.text
    assert "dd/mm/yyyy, ví dụ" not in refused.text.split(FEB)[0].rsplit("<form", 1)[-1]


def test_the_school_calendar_semesters_and_breaks(portal_client, authority):
    client = portal_client(authority, "admin")
    days = {"nam": "2025", "hk1_bat_dau": "05/09/2025", "hk1_ket_thuc": "16/01/2026",
            "hk2_bat_dau": "19/01/2026", "hk2_ket_thuc": "31/05/2026", "tuan_nghi": ""}  # fmt: skip
    refused = client.post("/quan-ly/lich-nam-hoc/luu/", {**days, "hk2_ket_thuc": "31/02/2026"})
    assert refused.status_code == 400 and FEB in refused.text
    refused = client.post("/quan-ly/lich-nam-hoc/luu/", {**days, "tuan_nghi": "30/02/2026 Tết"})
    assert refused.status_code == 400
    assert "Tuần nghỉ dòng 1: Ngày 30/02/2026 không có thật: tháng 2/2026 chỉ có 28 ngày." in (
        refused.text
    )


def test_a_rule_changes_effective_date(portal_client, authority):
    refused = portal_client(authority, "admin").post(
        "/quan-ly/quy-dinh/letter-2015/news-weekly/", {"count": "3", "hieu_luc": "31/02/2026"}
    )
    assert refused.status_code == 400
    assert f"Ngày áp dụng: {FEB}" in refused.text
