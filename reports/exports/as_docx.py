"""The report as a Word document (.docx) an office edits, prints and signs, laid out as an
administrative document (Decree 30/2020/NĐ-CP, Appendix I): Times New Roman, A4 with the
decree's margins, a borderless two-column table for the issuing body | national motto and
number | place and date line, the kind (THÔNG BÁO) and subject, the body with one table per
category, then a borderless two-column table for "Nơi nhận" | the signer's title and name.
Written with python-docx."""

import io

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from reports.exports.as_pdf import MOTTO, MOTTO_2, ROMAN

FONT = "Times New Roman"
CENTER = WD_ALIGN_PARAGRAPH.CENTER


def render(document: dict) -> bytes:
    official = document["official"]
    doc = Document()
    _page_set_up(doc)
    _header(doc, official)
    if document["status"] != "published":
        _paragraph(doc, "BẢN NHÁP — chưa công bố", bold=True, align=CENTER)
    _paragraph(doc, "THÔNG BÁO", bold=True, size=14, align=CENTER, space_before=12)
    _paragraph(doc, document["subject"], bold=True, size=14, align=CENTER)
    _paragraph(doc, "_______", align=CENTER)
    if document["cover_note"]:
        for line in document["cover_note"].splitlines():
            _paragraph(doc, line, first_line_indent=Mm(10))
    summary = document["summary"]
    _paragraph(
        doc,
        f"Tổng số trường: {summary['schools']}. Chưa cập nhật: {summary['did_not_update']}; "
        f"cập nhật thiếu: {summary['incomplete']}; cập nhật không thường xuyên: "
        f"{summary['irregular']}; đạt yêu cầu: {summary['compliant']}.",
        first_line_indent=Mm(10),
    )
    for number, category in enumerate(document["categories"]):
        title = (
            f"{ROMAN[number]}. {category['label'].capitalize()} ({len(category['schools'])} trường)"
        )
        _paragraph(doc, title, bold=True, space_before=6)
        if category["schools"]:
            _schools_table(doc, category["schools"])
        else:
            _paragraph(doc, "Không có trường nào.")
    _signature(doc, official, fallback_signer=document["signed_by"])
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _page_set_up(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    style = doc.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(13)
    # East-Asian and complex-script slots too, or Word substitutes a font for some letters
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT)
    style.paragraph_format.space_after = Pt(3)


def _header(doc, official: dict) -> None:
    table = _borderless(doc, rows=2, widths=(Mm(70), Mm(95)))
    body, motto = table.cell(0, 0), table.cell(0, 1)
    if official["issuer_parent"]:
        _cell_paragraph(body, official["issuer_parent"].upper(), size=12, align=CENTER)
    _cell_paragraph(body, official["issuer"].upper(), bold=True, size=12, align=CENTER)
    _cell_paragraph(body, "_______", align=CENTER, size=12)
    _cell_paragraph(motto, MOTTO, bold=True, size=12, align=CENTER)
    _cell_paragraph(motto, MOTTO_2, bold=True, size=13, align=CENTER)
    _cell_paragraph(motto, "_______________", align=CENTER, size=12)
    _cell_paragraph(table.cell(1, 0), official["number_line"], size=13, align=CENTER)
    _cell_paragraph(table.cell(1, 1), official["date_line"], italic=True, size=13, align=CENTER)


def _signature(doc, official: dict, *, fallback_signer: str) -> None:
    _paragraph(doc, "")
    table = _borderless(doc, rows=1, widths=(Mm(80), Mm(85)))
    left, right = table.cell(0, 0), table.cell(0, 1)
    _cell_paragraph(left, "Nơi nhận:", bold=True, italic=True, size=12)
    for line in official["recipients"]:
        _cell_paragraph(left, f"- {line}", size=11)
    if official["signer_title"]:
        for line in official["signer_title"].upper().splitlines():
            _cell_paragraph(right, line, bold=True, size=13, align=CENTER)
    for _ in range(4):  # room for the signature and the seal
        _cell_paragraph(right, "", size=13)
    name = official["signer_name"] or fallback_signer
    _cell_paragraph(right, name, bold=True, size=13, align=CENTER)


def _schools_table(doc, schools: list[dict]) -> None:
    table = doc.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(
        table.rows[0].cells, ("STT", "Trường", "Nội dung thiếu / trễ"), strict=True
    ):
        _cell_paragraph(cell, text, bold=True, size=12, align=CENTER)
    for index, school in enumerate(schools, start=1):
        cells = table.add_row().cells
        _cell_paragraph(cells[0], str(index), size=12, align=CENTER)
        _cell_paragraph(cells[1], school["name"], size=12)
        _cell_paragraph(cells[1], school["authority"], size=10, italic=True)
        lines = [f"Thiếu: {i['text']}" for i in school["missing_items"]]
        lines += [f"Trễ: {i['text']}" for i in school["late_items"]]
        for line in lines or ["—"]:
            _cell_paragraph(cells[2], line, size=12)
    for row in table.rows:
        for cell, width in zip(row.cells, (Mm(12), Mm(55), Mm(98)), strict=True):
            cell.width = width


def _borderless(doc, *, rows: int, widths):
    table = doc.add_table(rows=rows, cols=len(widths))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
    return table


def _cell_paragraph(cell, text: str, **style) -> None:
    """Fill a cell's first, empty paragraph, then add more."""
    first = cell.paragraphs[0]
    paragraph = first if not first.text and not first.runs else cell.add_paragraph()
    _style(paragraph, text, **style)


def _paragraph(doc, text: str, **style):
    return _style(doc.add_paragraph(), text, **style)


def _style(
    paragraph,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    size: int = 13,
    align=None,
    space_before: int = 0,
    first_line_indent=None,
):
    run = paragraph.add_run(text)
    run.bold, run.italic = bold, italic
    run.font.size = Pt(size)
    run.font.name = FONT
    if align is not None:
        paragraph.alignment = align
    paragraph.paragraph_format.space_before = Pt(space_before)
    paragraph.paragraph_format.space_after = Pt(2)
    if first_line_indent is not None:
        paragraph.paragraph_format.first_line_indent = first_line_indent
    return paragraph
