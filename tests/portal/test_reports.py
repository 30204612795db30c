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
    assert "Lịch công tác tuần — Tuần " in text  # the incomplete school's missing item
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


DOCUMENT = {
    "doc_number": "7",
    "doc_symbol": "TB-UBND",
    "doc_place": "Phong Điền",
    "doc_date": "01/11/2026",
    "issuer_parent": "",
    "signer_title": "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
    "signer_name": "Lê Thị Bình",
    "recipients": "Các trường trực thuộc;\nLưu: VT.",
    "cover_note": "Đề nghị các trường khắc phục.",
}


def test_admin_fills_the_document_then_publishes_from_the_portal(
    portal_client, authority, frozen_now
):
    from portal.models import AuditEntry

    month_of_each_category(authority)
    monthly_report_generate(authority=authority, month="2026-10")
    admin = portal_client(authority, "admin")
    draft = admin.get("/bao-cao/2026-10/").text
    assert "Bản nháp" in draft and "Lưu văn bản" in draft
    assert 'value="01/11/2026"' in draft  # the date line's default, dd/mm/yyyy
    refused = admin.post("/quan-ly/bao-cao/2026-10/cong-bo/", follow=True)
    assert "Cần điền và lưu số văn bản và người ký trước khi công bố" in refused.text
    assert not MonthlyReport.objects.get().is_published

    bad = admin.post(
        "/quan-ly/bao-cao/2026-10/van-ban/", {**DOCUMENT, "doc_date": "31/11/2026"}, follow=True
    )
    assert "Ngày 31/11/2026 không có thật: tháng 11/2026 chỉ có 30 ngày." in bad.text
    assert 'value="31/11/2026"' in bad.text  # kept as typed
    admin.post("/quan-ly/bao-cao/2026-10/van-ban/", DOCUMENT)
    report = MonthlyReport.objects.get()
    assert report.doc_number == "7" and report.signer_name == "Lê Thị Bình"
    entry = AuditEntry.objects.get(action="report_document", target="2026-10")
    assert entry.before["doc_number"] == "" and entry.after["doc_number"] == "7"

    admin.post("/quan-ly/bao-cao/2026-10/cong-bo/")
    report.refresh_from_db()
    assert report.is_published and report.cover_note == "Đề nghị các trường khắc phục."
    from django.test import Client

    public = Client().get("/bao-cao/2026-10/", HTTP_HOST=authority.portal_domain).text  # a parent
    assert "Số: 7/TB-UBND" in public
    assert "Phong Điền, ngày 01 tháng 11 năm 2026" in public
    assert "PHÓ CHỦ TỊCH" in public and "Lê Thị Bình" in public and "Lưu: VT." in public
    assert "Lưu văn bản" not in public
    frozen = admin.post(
        "/quan-ly/bao-cao/2026-10/van-ban/", {**DOCUMENT, "doc_number": "8"}, follow=True
    )
    assert "văn bản không sửa được nữa" in frozen.text
    admin.post("/quan-ly/bao-cao/2026-10/tao-lai/", {"reason": "Đánh giá lại sau sự cố"})
    assert MonthlyReport.objects.get().generations.last().reason == "Đánh giá lại sau sự cố"
