"""The monthly list as an administrative document (Decree 30/2020/NĐ-CP): the lines it prints,
what the fill-in refuses, and the PDF and DOCX read back (header, number, date line, signer)."""

import datetime as dt
import io

import pytest
from docx import Document
from pypdf import PdfReader

from reports.exports import report_export
from reports.generation import ReportError, monthly_report_generate, monthly_report_publish
from reports.models import ReportDocumentDefaults
from reports.official import date_line, number_line, report_document_fill, report_document_initial
from tests.crafting import month_of_each_category
from tests.factories import authority_make

FIELDS = {
    "doc_number": "12",
    "doc_symbol": "TB-PGDĐT",
    "doc_place": "Phong Điền",
    "doc_date": dt.date(2026, 11, 1),
    "issuer_parent": "UBND huyện Phong Điền",
    "signer_title": "KT. TRƯỞNG PHÒNG\nPHÓ TRƯỞNG PHÒNG",
    "signer_name": "Đặng Thị Hường",
    "recipients": "Các trường trực thuộc;\nSở GD&ĐT (để b/c);\nLưu: VT.",
    "cover_note": "Đề nghị các trường có tên dưới đây khắc phục trước ngày 10/11/2026.",
}


def test_date_and_number_lines_follow_the_decree():
    assert date_line("Phong Điền", dt.date(2026, 12, 1)) == "Phong Điền, ngày 01 tháng 12 năm 2026"
    assert date_line("Huế", dt.date(2027, 2, 15)) == "Huế, ngày 15 tháng 02 năm 2027"
    assert date_line("Huế", dt.date(2026, 10, 9)) == "Huế, ngày 09 tháng 10 năm 2026"
    assert date_line("Huế", None) == "Huế, ngày … tháng … năm …"
    assert number_line("12", "TB-UBND") == "Số: 12/TB-UBND"
    assert number_line("", "TB-UBND") == "Số: …/TB-UBND"


@pytest.fixture
def draft(db, frozen_now):
    province = authority_make(kind="province", name="Sở GD&ĐT Thừa Thiên Huế")
    authority = authority_make(parent=province, name="Phòng GD&ĐT Phong Điền")
    month_of_each_category(authority)
    return monthly_report_generate(authority=authority, month="2026-10").report


def test_the_fill_in_is_checked_and_remembered_for_the_next_report(draft):
    initial = report_document_initial(draft)
    assert initial["doc_date"] == dt.date(2026, 11, 1)  # the 1st after the month
    # a district office's letterhead (Decree 30): its district's UBND above, itself below
    assert initial["issuer_parent"] == "UBND HUYỆN PHONG ĐIỀN"
    assert initial["issuer"] == "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"
    bad = {**FIELDS, "doc_number": "12/TB", "doc_date": None, "signer_name": " "}
    with pytest.raises(ReportError) as refused:
        report_document_fill(report=draft, fields=bad)
    message = str(refused.value)
    assert "Số văn bản là số thứ tự" in message and "dd/mm/yyyy" in message
    assert "họ tên người ký" in message
    draft.refresh_from_db()
    assert draft.doc_number == ""

    filled = report_document_fill(report=draft, fields=FIELDS)
    assert filled.signed_by == "KT. TRƯỞNG PHÒNG\nPHÓ TRƯỞNG PHÒNG Đặng Thị Hường"
    defaults = ReportDocumentDefaults.objects.get(authority=draft.authority)
    assert defaults.doc_symbol == "TB-PGDĐT" and defaults.signer_name == "Đặng Thị Hường"
    other = monthly_report_generate(authority=draft.authority, month="2026-09").report
    assert report_document_initial(other)["doc_symbol"] == "TB-PGDĐT"
    assert report_document_initial(other)["doc_number"] == ""
    assert report_document_initial(other)["doc_date"] == dt.date(2026, 10, 1)

    monthly_report_publish(report=filled, published_by="a", signed_by=filled.signed_by)
    with pytest.raises(ReportError, match="đã công bố"):
        report_document_fill(report=filled, fields={**FIELDS, "doc_number": "13"})


def test_the_pdf_and_the_docx_read_back_as_the_document(draft):
    report = report_document_fill(report=draft, fields=FIELDS)
    report = monthly_report_publish(
        report=report, published_by="a", cover_note=report.cover_note, signed_by=report.signed_by
    )

    pdf = report_export(report, "pdf")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    text = f"{text}\n{' '.join(text.split())}"  # a long line may wrap in its column
    for expected in (
        "UBND HUYỆN PHONG ĐIỀN",
        "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 12/TB-PGDĐT",
        "Phong Điền, ngày 01 tháng 11 năm 2026",
        "THÔNG BÁO",
        "Nơi nhận:",
        "- Sở GD&ĐT (để b/c);",
        "PHÓ TRƯỞNG PHÒNG",
        "Đặng Thị Hường",
        "THCS Thiếu Bài",
    ):
        assert expected in text, expected

    docx = report_export(report, "docx")
    assert docx.filename == f"bao-cao-{report.authority.code}-2026-10.docx"
    document = Document(io.BytesIO(docx.content))
    header, *_, signature = document.tables
    head = [[cell.text for cell in row.cells] for row in header.rows]
    assert head[0][0] == "UBND HUYỆN PHONG ĐIỀN\nPHÒNG GIÁO DỤC VÀ ĐÀO TẠO\n_______"
    assert head[0][1].startswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc")
    assert head[1] == ["Số: 12/TB-PGDĐT", "Phong Điền, ngày 01 tháng 11 năm 2026"]
    date_run = header.cell(1, 1).paragraphs[0].runs[0]
    assert date_run.italic and date_run.font.name == "Times New Roman"
    left, right = (cell.text for cell in signature.rows[0].cells)
    assert left.splitlines()[0] == "Nơi nhận:" and "- Lưu: VT." in left
    signer = [line for line in right.splitlines() if line]
    assert signer == ["KT. TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG", "Đặng Thị Hường"]
    body = "\n".join(p.text for p in document.paragraphs)
    assert "THÔNG BÁO" in body and FIELDS["cover_note"] in body
    listed = {row.cells[1].paragraphs[0].text for t in document.tables[1:-1] for row in t.rows[1:]}
    assert listed == {"THCS Im Lặng", "THCS Thiếu Bài", "THCS Chậm Trễ"}
