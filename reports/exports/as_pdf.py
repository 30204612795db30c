"""The report as a print-ready A4 PDF with a Unicode TrueType font (Vietnamese diacritics).

The font is DejaVu Sans from Debian's fonts-dejavu-core (installed by the Makefile); the folder
can be changed with the COMPLIANCE_PDF_FONT_DIR setting.
"""

import datetime as dt
from pathlib import Path

from django.conf import settings
from fpdf import FPDF
from fpdf.fonts import FontFace

from compliance.presentation import local_text

FONT_DIR = "/usr/share/fonts/truetype/dejavu"
FONT = "DejaVu"
ROMAN = ("I", "II", "III")


class ReportPDF(FPDF):
    def __init__(self, *, footer_text: str):
        super().__init__(orientation="P", unit="mm", format="A4")
        self.footer_text = footer_text
        folder = Path(getattr(settings, "COMPLIANCE_PDF_FONT_DIR", FONT_DIR))
        self.add_font(FONT, "", str(folder / "DejaVuSans.ttf"))
        self.add_font(FONT, "B", str(folder / "DejaVuSans-Bold.ttf"))
        self.set_margins(15, 15, 15)
        self.set_auto_page_break(auto=True, margin=15)

    def footer(self):
        self.set_y(-12)
        self.set_font(FONT, size=8)
        self.cell(0, 5, f"{self.footer_text} — trang {self.page_no()}/{{nb}}", align="C")


def render(document: dict) -> bytes:
    pdf = ReportPDF(footer_text=f"{document['authority']['name']} — {document['month']}")
    pdf.set_title(document["title"])
    pdf.set_author(document["authority"]["name"])
    pdf.add_page()
    _text(pdf, document["authority"]["name"].upper(), size=11, bold=True)
    pdf.ln(2)
    _text(pdf, document["title"], size=14, bold=True, align="C")
    if document["status"] != "published":
        _text(pdf, "BẢN NHÁP — chưa công bố", size=11, bold=True, align="C")
    when = document["published_at"] or document["generated_at"]
    label = "Công bố" if document["published_at"] else "Lập"
    _text(pdf, f"{label} lúc {local_text(_dt(when))} (giờ Việt Nam)", size=9, align="C")
    pdf.ln(3)
    if document["cover_note"]:
        _text(pdf, document["cover_note"], size=10)
        _text(pdf, document["signed_by"], size=10, bold=True, align="R")
        pdf.ln(2)
    summary = document["summary"]
    _text(
        pdf,
        f"Tổng số trường: {summary['schools']}. Chưa cập nhật: {summary['did_not_update']}; "
        f"cập nhật thiếu: {summary['incomplete']}; cập nhật không thường xuyên: "
        f"{summary['irregular']}; đạt yêu cầu: {summary['compliant']}.",
        size=10,
    )
    for number, category in enumerate(document["categories"]):
        pdf.ln(3)
        title = (
            f"{ROMAN[number]}. {category['label'].capitalize()} ({len(category['schools'])} trường)"
        )
        _text(pdf, title, size=12, bold=True)
        if not category["schools"]:
            _text(pdf, "Không có trường nào.", size=10)
            continue
        _table(pdf, category["schools"])
    return bytes(pdf.output())


def _table(pdf: FPDF, schools: list[dict]) -> None:
    pdf.set_font(FONT, size=9)
    with pdf.table(
        col_widths=(10, 55, 115),
        headings_style=FontFace(emphasis="BOLD", fill_color=(221, 229, 240)),
        line_height=4.6,
        text_align=("CENTER", "LEFT", "LEFT"),
    ) as table:
        table.row(("STT", "Trường", "Nội dung thiếu / trễ"))
        for index, school in enumerate(schools, start=1):
            lines = [f"Thiếu: {i['text']}" for i in school["missing_items"]]
            lines += [f"Trễ: {i['text']}" for i in school["late_items"]]
            table.row(
                (str(index), f"{school['name']}\n{school['authority']}", "\n".join(lines) or "—")
            )


def _text(pdf: FPDF, text: str, *, size: int, bold: bool = False, align: str = "L") -> None:
    pdf.set_font(FONT, "B" if bold else "", size=size)
    pdf.multi_cell(0, size * 0.5, text, align=align, new_x="LMARGIN", new_y="NEXT")


def _dt(value):
    return dt.datetime.fromisoformat(value) if value else None
