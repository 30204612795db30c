"""The report as a print-ready A4 PDF laid out as an administrative document (Decree
30/2020/NĐ-CP, Appendix I): the issuing body and the national motto side by side, the number
and symbol under the body, the place and date line under the motto, the kind (THÔNG BÁO) and
its subject, the body (cover note, counts, the three categories with each school's missing and
late items), then "Nơi nhận" on the left and the signer's title and name on the right.

The font is DejaVu Serif from Debian's fonts-dejavu-core (installed by the Makefile) for the
Vietnamese letters; the folder can be changed with the COMPLIANCE_PDF_FONT_DIR setting.
"""

import datetime as dt
from pathlib import Path

from django.conf import settings
from fpdf import FPDF
from fpdf.fonts import FontFace

from compliance.presentation import local_text

FONT_DIR = "/usr/share/fonts/truetype/dejavu"
FONT = "DejaVuSerif"
ROMAN = ("I", "II", "III")
MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO_2 = "Độc lập - Tự do - Hạnh phúc"
LEFT_W = 72  # mm: the issuing body's column
RIGHT_W = 98  # mm: the motto's column (A4 210 mm less the 25 + 15 mm margins)


class ReportPDF(FPDF):
    def __init__(self, *, footer_text: str):
        super().__init__(orientation="P", unit="mm", format="A4")
        self.footer_text = footer_text
        folder = Path(getattr(settings, "COMPLIANCE_PDF_FONT_DIR", FONT_DIR))
        self.add_font(FONT, "", str(folder / "DejaVuSerif.ttf"))
        self.add_font(FONT, "B", str(folder / "DejaVuSerif-Bold.ttf"))
        italic = folder / "DejaVuSerif-Italic.ttf"  # fonts-dejavu-extra; regular without it
        self.add_font(FONT, "I", str(italic if italic.exists() else folder / "DejaVuSerif.ttf"))
        # Decree 30 margins: top 20–25, bottom 20–25, left 30–35, right 15–20 mm
        self.set_margins(25, 20, 15)
        self.set_auto_page_break(auto=True, margin=20)

    def footer(self):
        self.set_y(-12)
        self.set_font(FONT, size=8)
        self.cell(0, 5, f"{self.footer_text} — trang {self.page_no()}/{{nb}}", align="C")


def render(document: dict) -> bytes:
    official = document["official"]
    pdf = ReportPDF(footer_text=f"{document['authority']['name']} — {document['month']}")
    pdf.set_title(document["title"])
    pdf.set_author(document["authority"]["name"])
    pdf.add_page()
    _header(pdf, official)
    pdf.ln(6)
    if document["status"] != "published":
        _text(pdf, "BẢN NHÁP — chưa công bố", size=11, bold=True, align="C")
    _text(pdf, "THÔNG BÁO", size=13, bold=True, align="C")
    _text(pdf, document["subject"], size=12, bold=True, align="C")
    _rule(pdf, width=30)
    when = document["published_at"] or document["generated_at"]
    label = "Công bố" if document["published_at"] else "Lập"
    _text(pdf, f"({label} lúc {local_text(_dt(when))}, giờ Việt Nam)", size=9, align="C")
    pdf.ln(3)
    if document["cover_note"]:
        _text(pdf, document["cover_note"], size=12)
        pdf.ln(2)
    summary = document["summary"]
    _text(
        pdf,
        f"Tổng số trường: {summary['schools']}. Chưa cập nhật: {summary['did_not_update']}; "
        f"cập nhật thiếu: {summary['incomplete']}; cập nhật không thường xuyên: "
        f"{summary['irregular']}; đạt yêu cầu: {summary['compliant']}.",
        size=12,
    )
    for number, category in enumerate(document["categories"]):
        pdf.ln(3)
        title = (
            f"{ROMAN[number]}. {category['label'].capitalize()} ({len(category['schools'])} trường)"
        )
        _text(pdf, title, size=12, bold=True)
        if not category["schools"]:
            _text(pdf, "Không có trường nào.", size=12)
            continue
        _table(pdf, category["schools"])
    pdf.ln(6)
    _signature(pdf, official, fallback_signer=document["signed_by"])
    return bytes(pdf.output())


def _header(pdf: FPDF, official: dict) -> None:
    """Two columns: the body (parent upper-case, the body bold) | the motto; then the number
    under the body and the place and date line under the motto."""
    x, y = pdf.l_margin, pdf.get_y()
    pdf.set_xy(x, y)
    if official["issuer_parent"]:
        pdf.set_font(FONT, size=11)
        pdf.multi_cell(LEFT_W, 5, official["issuer_parent"].upper(), align="C")
    pdf.set_x(x)
    pdf.set_font(FONT, "B", size=11)
    pdf.multi_cell(LEFT_W, 5, official["issuer"].upper(), align="C")
    left_bottom = pdf.get_y()
    _rule(pdf, width=18, x=x + LEFT_W / 2 - 9)
    pdf.set_xy(x + LEFT_W, y)
    pdf.set_font(FONT, "B", size=11)
    pdf.multi_cell(RIGHT_W, 5, MOTTO, align="C")
    pdf.set_x(x + LEFT_W)
    pdf.set_font(FONT, "B", size=12)
    pdf.multi_cell(RIGHT_W, 5.5, MOTTO_2, align="C")
    right_bottom = pdf.get_y()
    _rule(pdf, width=52, x=x + LEFT_W + RIGHT_W / 2 - 26)
    line_y = max(left_bottom, right_bottom) + 3
    pdf.set_xy(x, line_y)
    pdf.set_font(FONT, size=12)
    pdf.multi_cell(LEFT_W, 6, official["number_line"], align="C")
    pdf.set_xy(x + LEFT_W, line_y)
    pdf.set_font(FONT, "I", size=12)
    pdf.multi_cell(RIGHT_W, 6, official["date_line"], align="C")
    pdf.set_x(x)


def _rule(pdf: FPDF, *, width: float, x: float | None = None) -> None:
    y = pdf.get_y() + 0.8
    start = x if x is not None else (pdf.w - width) / 2
    pdf.line(start, y, start + width, y)
    pdf.set_y(y + 1.5)


def _signature(pdf: FPDF, official: dict, *, fallback_signer: str) -> None:
    """ "Nơi nhận" (left, size 11/12 as Decree 30 asks) | the signer's title, room for the
    signature and seal, the signer's name (right)."""
    if pdf.get_y() > pdf.h - 70:
        pdf.add_page()
    x, y = pdf.l_margin, pdf.get_y()
    pdf.set_xy(x, y)
    pdf.set_font(FONT, "B", size=12)
    pdf.multi_cell(LEFT_W, 6, "Nơi nhận:", align="L")
    pdf.set_font(FONT, size=11)
    for line in official["recipients"]:
        pdf.set_x(x)
        pdf.multi_cell(LEFT_W, 5, f"- {line}", align="L")
    pdf.set_xy(x + LEFT_W, y)
    pdf.set_font(FONT, "B", size=13)
    title = official["signer_title"] or ""
    name = official["signer_name"] or fallback_signer
    if title:
        pdf.multi_cell(RIGHT_W, 6, title.upper(), align="C")
    pdf.set_x(x + LEFT_W)
    pdf.ln(22)  # room for the signature and the seal
    pdf.set_x(x + LEFT_W)
    pdf.multi_cell(RIGHT_W, 6, name, align="C")


# A table row is never split across pages by fpdf2 ("The row … is too high and cannot be
# rendered on a single page"): a school's items go into as many rows as they need, each at most
# this many printed lines (≈ 170 mm of the 257 mm between the margins, the school's name and a
# page's repeated heading row beside it).
ROW_LINES = 35
ITEMS_W = 105  # mm: the items column
LINE_H = 4.8  # mm: a printed line of the table


def _table(pdf: FPDF, schools: list[dict]) -> None:
    pdf.set_font(FONT, size=10)
    with pdf.table(
        col_widths=(10, 55, ITEMS_W),
        headings_style=FontFace(emphasis="BOLD", fill_color=(221, 229, 240)),
        line_height=LINE_H,
        text_align=("CENTER", "LEFT", "LEFT"),
    ) as table:
        table.row(("STT", "Trường", "Nội dung thiếu / trễ"))
        for index, school in enumerate(schools, start=1):
            lines = [f"Thiếu: {i['text']}" for i in school["missing_items"]]
            lines += [f"Trễ: {i['text']}" for i in school["late_items"]]
            name = f"{school['name']}\n{school['authority']}"
            for part, chunk in enumerate(_item_chunks(pdf, lines)):
                if part == 0:
                    table.row((str(index), name, chunk))
                else:  # the school's list goes on in a row of its own
                    table.row(("", f"{school['name']} (tiếp)", chunk))


def _item_chunks(pdf: FPDF, lines: list[str]) -> list[str]:
    """The items as cell texts of at most ROW_LINES printed lines each (an item never split);
    ["—"] when there are none."""
    chunks, current, used = [], [], 0
    for line in lines:
        height = len(pdf.multi_cell(ITEMS_W - 2, LINE_H, line, dry_run=True, output="LINES"))
        if current and used + height > ROW_LINES:
            chunks.append("\n".join(current))
            current, used = [], 0
        current.append(line)
        used += height
    if current:
        chunks.append("\n".join(current))
    return chunks or ["—"]


def _text(pdf: FPDF, text: str, *, size: int, bold: bool = False, align: str = "L") -> None:
    pdf.set_font(FONT, "B" if bold else "", size=size)
    pdf.multi_cell(0, size * 0.5, text, align=align, new_x="LMARGIN", new_y="NEXT")


def _dt(value):
    return dt.datetime.fromisoformat(value) if value else None
