"""The school's website on paper: an A4 poster for the notice board and handout cards (four A6
cards on an A4 sheet, with cut marks) for the parents' meeting, each with the school's name,
address, phone, the site's address and a QR code of it.

The 2016 letter asks each principal to make the school's website known to parents ("công khai
đến phụ huynh website của đơn vị"); the principal or an editor downloads these from the
school's admin (`admin_views.website_poster`). The QR code is segno's (ISO/IEC 18004), drawn as
vector squares so it prints sharp at any size; the font is DejaVu Sans from Debian's
fonts-dejavu-core, the package the monthly report's PDF uses (folder: SITEPAGES_PDF_FONT_DIR,
else COMPLIANCE_PDF_FONT_DIR).
"""

from dataclasses import dataclass
from pathlib import Path

import segno
from django.conf import settings
from fpdf import FPDF
from wagtail.models import Site

from sitepages.models import ContactPage

FONT_DIR = "/usr/share/fonts/truetype/dejavu"
FONT = "DejaVuSans"
QR_ERROR = "m"  # 15 % of the code may be damaged (a pin, a fold) and it still reads
A4 = (210.0, 297.0)  # mm
A6 = (105.0, 148.5)  # mm, a quarter of A4


@dataclass(frozen=True)
class PosterFacts:
    """What the paper says: `url` is the site's absolute address with a trailing slash."""

    name: str
    url: str
    address: str = ""
    phone: str = ""

    @property
    def follow_url(self) -> str:
        return f"{self.url}theo-doi/"


def poster_facts() -> PosterFacts:
    """The active school's name (its Site's), address and phone (its Liên hệ page)."""
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.get()
    contact = ContactPage.objects.live().values("address", "phone").first() or {}
    return PosterFacts(
        name=site.site_name or site.hostname,
        url=site.root_url + "/",
        address=" ".join((contact.get("address") or "").split()),
        phone=contact.get("phone") or "",
    )


def qr_code(url: str) -> segno.QRCode:
    return segno.make(url, error=QR_ERROR, micro=False)


class _Paper(FPDF):
    def __init__(self, title: str):
        super().__init__(orientation="P", unit="mm", format="A4")
        folder = Path(
            getattr(settings, "SITEPAGES_PDF_FONT_DIR", None)
            or getattr(settings, "COMPLIANCE_PDF_FONT_DIR", FONT_DIR)
        )
        self.add_font(FONT, "", str(folder / "DejaVuSans.ttf"))
        self.add_font(FONT, "B", str(folder / "DejaVuSans-Bold.ttf"))
        self.set_auto_page_break(auto=False)
        self.set_margins(0, 0, 0)
        self.set_title(title)
        self.set_creator("schoolhost")

    def qr(self, url: str, *, x: float, y: float, size: float) -> None:
        """The QR code of `url` as black squares in a `size` mm square whose top left is (x, y),
        the four-module quiet zone included."""
        rows = list(qr_code(url).matrix_iter(scale=1, border=4))
        module = size / len(rows)
        self.set_fill_color(0, 0, 0)
        for row_number, row in enumerate(rows):
            column = 0
            while column < len(row):  # one rectangle per run of dark modules
                if not row[column]:
                    column += 1
                    continue
                start = column
                while column < len(row) and row[column]:
                    column += 1
                self.rect(
                    x + start * module,
                    y + row_number * module,
                    (column - start) * module,
                    module,
                    style="F",
                )

    def centred(self, text: str, *, x: float, width: float, size: float, bold=False) -> None:
        self.set_font(FONT, "B" if bold else "", size)
        self.set_x(x)
        self.multi_cell(width, size * 0.45, text, align="C", new_x="LMARGIN", new_y="NEXT")


def poster_pdf(facts: PosterFacts) -> bytes:
    """An A4 portrait poster: the school's name, the QR code (12 cm), the address to type,
    how to follow the school, the address and phone of the school."""
    pdf = _Paper(f"Website của {facts.name}")
    pdf.add_page()
    width, margin = A4[0], 18.0
    inner = width - 2 * margin
    pdf.set_y(22)
    pdf.centred("WEBSITE CHÍNH THỨC CỦA", x=margin, width=inner, size=16)
    pdf.ln(2)
    pdf.centred(facts.name.upper(), x=margin, width=inner, size=26, bold=True)
    pdf.ln(6)
    size = 120.0
    top = pdf.get_y()
    pdf.qr(facts.url, x=(width - size) / 2, y=top, size=size)
    pdf.set_y(top + size + 4)
    pdf.centred(
        "Quét mã bằng camera điện thoại hoặc Zalo để mở website", x=margin, width=inner, size=13
    )
    pdf.ln(3)
    pdf.centred(facts.url, x=margin, width=inner, size=20, bold=True)
    pdf.ln(6)
    pdf.centred(
        "Thông báo khẩn, kế hoạch tuần, thời khóa biểu, thực đơn, văn bản và tin tức của "
        "nhà trường. Nhận tin qua thư điện tử: " + facts.follow_url,
        x=margin,
        width=inner,
        size=12,
    )
    pdf.ln(6)
    for line in _contact_lines(facts):
        pdf.centred(line, x=margin, width=inner, size=12)
    return bytes(pdf.output())


def handout_pdf(facts: PosterFacts) -> bytes:
    """Four A6 cards on one A4 sheet (2 × 2, dashed cut lines), each a small poster."""
    pdf = _Paper(f"Thẻ website của {facts.name}")
    pdf.add_page()
    card_w, card_h = A6
    for row in range(2):
        for column in range(2):
            _card(pdf, facts, x=column * card_w, y=row * card_h)
    pdf.set_draw_color(150, 150, 150)
    pdf.set_dash_pattern(dash=2, gap=2)
    pdf.line(card_w, 0, card_w, A4[1])
    pdf.line(0, card_h, A4[0], card_h)
    return bytes(pdf.output())


def _card(pdf: _Paper, facts: PosterFacts, *, x: float, y: float) -> None:
    card_w, _ = A6
    margin = 7.0
    inner = card_w - 2 * margin
    pdf.set_y(y + 8)
    pdf.centred("Website chính thức của", x=x + margin, width=inner, size=9)
    pdf.centred(facts.name, x=x + margin, width=inner, size=13, bold=True)
    pdf.ln(2)
    size = 58.0
    top = pdf.get_y()
    pdf.qr(facts.url, x=x + (card_w - size) / 2, y=top, size=size)
    pdf.set_y(top + size + 2)
    pdf.centred(facts.url, x=x + margin, width=inner, size=10, bold=True)
    pdf.ln(1)
    pdf.centred(
        "Nhận thông báo khẩn, kế hoạch tuần qua thư điện tử: " + facts.follow_url,
        x=x + margin,
        width=inner,
        size=7.5,
    )
    pdf.ln(1)
    for line in _contact_lines(facts):
        pdf.centred(line, x=x + margin, width=inner, size=7.5)


def _contact_lines(facts: PosterFacts) -> list[str]:
    lines = []
    if facts.address:
        lines.append(f"Địa chỉ: {facts.address}")
    if facts.phone:
        lines.append(f"Điện thoại: {facts.phone}")
    return lines
