"""The report's files open, and every format lists the same schools as the JSON."""

import csv
import io
import json

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from reports.exports import report_export
from reports.generation import monthly_report_generate, monthly_report_publish
from tests.crafting import month_of_each_category

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(authority, frozen_now):
    month_of_each_category(authority)
    report = monthly_report_generate(authority=authority, month="2026-10").report
    return monthly_report_publish(
        report=report, published_by="a", cover_note="Đề nghị các trường khắc phục ngay.",
        signed_by="KT. Trưởng phòng — Phó trưởng phòng Đặng Thị Hường",
    )  # fmt: skip


def _json_schools(report) -> dict[str, str]:
    data = json.loads(report_export(report, "json").content)
    return {s["name"]: c["category"] for c in data["categories"] for s in c["schools"]}


def test_json_lists_the_three_categories(report):
    data = json.loads(report_export(report, "json").content)
    assert [c["label"] for c in data["categories"]] == [
        "chưa cập nhật", "cập nhật thiếu", "cập nhật không thường xuyên",
    ]  # fmt: skip
    assert _json_schools(report) == {
        "THCS Im Lặng": "did_not_update",
        "THCS Thiếu Bài": "incomplete",
        "THCS Chậm Trễ": "irregular",
    }
    assert data["summary"] == {
        "schools": 4, "did_not_update": 1, "incomplete": 1, "irregular": 1,
        "compliant": 1, "not_evaluated": 0,
    }  # fmt: skip


def test_xlsx_opens_and_holds_the_same_schools(report):
    exported = report_export(report, "xlsx")
    book = load_workbook(io.BytesIO(exported.content))
    sheet = book["Danh sách"]
    rows = list(sheet.iter_rows(values_only=True))
    header = rows.index(next(r for r in rows if r and r[0] == "Xếp loại"))
    listed = {r[2]: r[0] for r in rows[header + 1 :] if r and r[2]}
    assert set(listed) == set(_json_schools(report))
    assert listed["THCS Thiếu Bài"] == "cập nhật thiếu"
    detail = list(book["Chi tiết"].iter_rows(values_only=True))
    assert any(r[2] == "THCS Thiếu Bài" and r[4] == "Lịch công tác tuần" for r in detail)
    assert exported.filename == f"bao-cao-{report.authority.code}-2026-10.xlsx"


def test_xlsx_names_each_late_item_by_its_page_title_linked_to_the_page(report):
    """Issue 9: exports name each item by title and link, never a bare number or address."""
    book = load_workbook(io.BytesIO(report_export(report, "xlsx").content))
    detail = book["Chi tiết"]
    late = [row for row in detail.iter_rows(min_row=2) if row[3].value == "trễ"]
    assert late, "the fixture has a late item"
    link = late[0][-1]
    assert link.hyperlink is not None and link.hyperlink.target.startswith("http")
    assert link.value and not str(link.value).startswith("http")  # the page's title


def test_csv_opens_in_excel_and_holds_the_same_schools(report):
    content = report_export(report, "csv").content
    assert content.startswith("\ufeff".encode())  # Excel needs the BOM for Vietnamese
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
    assert {r["Tên trường"] for r in rows} == set(_json_schools(report))
    slow = next(r for r in rows if r["Tên trường"] == "THCS Chậm Trễ")
    assert slow["Xếp loại"] == "cập nhật không thường xuyên" and "trễ 20 giờ" in slow["Các mục trễ"]


def test_pdf_is_a4_with_vietnamese_text_and_the_same_schools(report):
    exported = report_export(report, "pdf")
    reader = PdfReader(io.BytesIO(exported.content))
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    text = "\n".join(page.extract_text() for page in reader.pages)
    for name in _json_schools(report):
        assert name in text
    assert "THCS Chăm Chỉ" not in text  # compliant schools are counted, not listed
    assert "Cập nhật không thường xuyên" in text
    assert "Đặng Thị Hường" in text  # the signer given without the document's fields
    fonts = reader.pages[0]["/Resources"]["/Font"].get_object()
    assert all("DejaVuSerif" in str(f.get_object()["/BaseFont"]) for f in fonts.values())


def _listed_schools(fmt: str, content: bytes) -> set[str]:
    """The names of the schools a downloaded file lists, read the way a person's program would."""
    if fmt == "json":
        return {s["name"] for c in json.loads(content)["categories"] for s in c["schools"]}
    if fmt == "csv":
        return {r["Tên trường"] for r in csv.DictReader(io.StringIO(content.decode("utf-8-sig")))}
    if fmt == "xlsx":
        rows = list(load_workbook(io.BytesIO(content))["Danh sách"].iter_rows(values_only=True))
        header = rows.index(next(r for r in rows if r and r[0] == "Xếp loại"))
        return {r[2] for r in rows[header + 1 :] if r and r[2]}
    if fmt == "docx":
        from docx import Document

        tables = Document(io.BytesIO(content)).tables[1:-1]  # the header and signature aside
        return {row.cells[1].paragraphs[0].text for t in tables for row in t.rows[1:]}
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    return {name for name in ("THCS Im Lặng", "THCS Thiếu Bài", "THCS Chậm Trễ", "THCS Chăm Chỉ")
            if name in text}  # fmt: skip


def test_downloads_over_http(client, report):
    host = {"HTTP_HOST": report.authority.portal_domain}
    listed = set(_json_schools(report))
    for fmt, content_type in (
        ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("csv", "text/csv; charset=utf-8"),
        ("pdf", "application/pdf"),
        ("json", "application/json; charset=utf-8"),
        ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ):
        response = client.get(f"/bao-cao/2026-10.{fmt}", **host)
        assert response.status_code == 200, fmt
        assert response["Content-Type"] == content_type
        assert response["Content-Disposition"].endswith(f'2026-10.{fmt}"')
        assert _listed_schools(fmt, response.content) == listed, fmt  # the body is the report
    assert client.get("/bao-cao/2026-10.odt", **host).status_code == 404


def test_a_school_with_more_items_than_a_page_holds_runs_on_over_pages(report):
    """A school late on every weekly item of a month filled one table row taller than an A4
    page: fpdf2 refused it and the download answered 500 (found in the demo's reports)."""
    from reports.exports import as_pdf
    from reports.exports.document import report_document

    document = report_document(report)
    school = document["categories"][1]["schools"][0]
    school["late_items"] = [
        {**school["missing_items"][0], "text": f"Tin tức, sự kiện — Tuần {n} (trễ {n} giờ): "
         "“Hội thi văn nghệ chào mừng ngày Nhà giáo Việt Nam 20/11 của liên đội”"}
        for n in range(1, 121)
    ]  # fmt: skip
    reader = PdfReader(io.BytesIO(as_pdf.render(document)))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) > 3
    assert "Tuần 1 (trễ 1 giờ)" in text and "Tuần 120 (trễ 120 giờ)" in text
    assert f"{school['name']} (tiếp)" in text
