"""The monthly report's pages on the portal host: public once published, drafts for members
only, publishing and regenerating from the portal."""

import pytest

from reports.generation import monthly_report_generate, monthly_report_publish
from reports.models import MonthlyReport
from tests.crafting import month_of_each_category

pytestmark = pytest.mark.django_db


def test_drafts_are_not_public_published_reports_are(client, authority, frozen_now):
    schools = month_of_each_category(authority)
    report = monthly_report_generate(authority=authority, month="2026-10").report
    host = {"HTTP_HOST": authority.portal_domain}
    assert client.get("/bao-cao/2026-10/", **host).status_code == 404
    assert client.get("/bao-cao/2026-10.json", **host).status_code == 404
    monthly_report_publish(
        report=report,
        published_by="a",
        cover_note="Đề nghị các trường khắc phục.",
        signed_by="Trưởng phòng Lê Thị Bình",
    )
    page = client.get("/bao-cao/2026-10/", **host)
    assert page.status_code == 200
    text = page.text
    for heading in ("Chưa cập nhật", "Cập nhật thiếu", "Cập nhật không thường xuyên"):
        assert heading in text
    assert schools["did_not_update"].name in text and schools["compliant"].name not in text
    assert "Lịch công tác tuần — tuần từ" in text  # the incomplete school's missing item
    assert "trễ 20 giờ 0 phút" in text
    assert "Trưởng phòng Lê Thị Bình" in text
    assert "/bao-cao/2026-10/" in client.get("/", **host).text  # listed on the public home
    assert "2026-10" in client.get("/bao-cao/", **host).text


def test_regenerating_a_published_report_shows_the_reason_publicly(client, authority, frozen_now):
    month_of_each_category(authority)
    report = monthly_report_generate(authority=authority, month="2026-10").report
    monthly_report_publish(report=report, published_by="a")
    monthly_report_generate(
        authority=authority, month="2026-10", regenerate=True, reason="Sửa lỗi dữ liệu trường X"
    )
    text = client.get("/bao-cao/2026-10/", HTTP_HOST=authority.portal_domain).text
    assert "tạo lại — Sửa lỗi dữ liệu trường X" in text


def test_admin_publishes_from_the_portal(portal_client, authority, frozen_now):
    month_of_each_category(authority)
    monthly_report_generate(authority=authority, month="2026-10")
    client = portal_client(authority, "admin")
    draft = client.get("/bao-cao/2026-10/").text
    assert "Bản nháp" in draft and "Công bố" in draft
    refused = client.post(
        "/quan-ly/bao-cao/2026-10/cong-bo/", {"cover_note": "Lời dẫn", "signed_by": ""}, follow=True
    )
    assert "Lời dẫn cần có người ký" in refused.text
    assert not MonthlyReport.objects.get().is_published
    client.post("/quan-ly/bao-cao/2026-10/cong-bo/", {"cover_note": "", "signed_by": ""})
    assert MonthlyReport.objects.get().is_published
    client.post("/quan-ly/bao-cao/2026-10/tao-lai/", {"reason": "Đánh giá lại sau sự cố"})
    assert MonthlyReport.objects.get().generations.last().reason == "Đánh giá lại sau sự cố"
