"""The monthly list's default letterhead follows the authority's kind (Decree 30/2020/NĐ-CP):
a commune or ward's UBND above its culture and society office, a district's UBND above its
education office, a province's UBND above its education department; never a department above a
commune (reports/letterhead.py)."""

import io

import pytest
from pypdf import PdfReader

from reports.exports import report_export
from reports.generation import monthly_report_generate
from reports.letterhead import letterhead_default
from reports.official import report_document_initial
from tenants.models import Authority
from tests.crafting import month_of_each_category
from tests.factories import authority_make


@pytest.mark.parametrize(
    ("kind", "name", "expected"),
    [
        ("commune", "Ủy ban nhân dân phường Phong Điền", ("UBND PHƯỜNG PHONG ĐIỀN", "PHÒNG VĂN HÓA - XÃ HỘI")),
        ("commune", "UBND xã Phong Dinh", ("UBND XÃ PHONG DINH", "PHÒNG VĂN HÓA - XÃ HỘI")),
        ("commune", "Phong Thái", ("UBND XÃ PHONG THÁI", "PHÒNG VĂN HÓA - XÃ HỘI")),
        ("district", "Phòng GD&ĐT Phong Điền", ("UBND HUYỆN PHONG ĐIỀN", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO")),
        ("district", "Phòng Giáo dục và Đào tạo quận 1", ("UBND QUẬN 1", "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO")),
        ("province", "Sở Giáo dục và Đào tạo thành phố Huế", ("UBND THÀNH PHỐ HUẾ", "SỞ GIÁO DỤC VÀ ĐÀO TẠO")),
        ("province", "Sở GD&ĐT Quảng Trị", ("UBND TỈNH QUẢNG TRỊ", "SỞ GIÁO DỤC VÀ ĐÀO TẠO")),
    ],
)  # fmt: skip
def test_the_default_follows_the_kind(kind, name, expected):
    assert letterhead_default(Authority(kind=kind, name=name)) == expected


@pytest.mark.django_db
def test_a_wards_draft_is_headed_by_the_ward_not_the_department(frozen_now, portal_client):
    province = authority_make(kind="province", name="Sở Giáo dục và Đào tạo thành phố Huế")
    ward = authority_make(kind="commune", parent=province, name="Ủy ban nhân dân phường Phong Điền")
    month_of_each_category(ward)
    report = monthly_report_generate(authority=ward, month="2026-10").report

    initial = report_document_initial(report)
    assert initial["issuer_parent"] == "UBND PHƯỜNG PHONG ĐIỀN"
    assert initial["issuer"] == "PHÒNG VĂN HÓA - XÃ HỘI"

    page = portal_client(ward, "admin").get("/bao-cao/2026-10/").text
    head = page.split('aria-label="Phần đầu văn bản"')[1].split("doc-number")[0]
    assert "UBND PHƯỜNG PHONG ĐIỀN" in head and "PHÒNG VĂN HÓA - XÃ HỘI" in head
    assert "SỞ GIÁO DỤC" not in head
    assert 'name="issuer" value="PHÒNG VĂN HÓA - XÃ HỘI"' in page

    pdf = report_export(report, "pdf").content
    text = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert text.index("UBND PHƯỜNG PHONG ĐIỀN") < text.index("PHÒNG VĂN HÓA - XÃ HỘI")
    assert "SỞ GIÁO DỤC" not in text
