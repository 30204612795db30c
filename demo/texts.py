"""Believable content for the demo: paragraphs a school would write, staff names, photos and
attachments (small real files: a PDF and a PNG made in memory), so the demo's evidence has the
substance the rule sets ask for — and a few deliberately empty pages show the other case.
"""

from __future__ import annotations

import io
import random

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile

FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Võ", "Đặng", "Bùi", "Đỗ")
MIDDLE = ("Thị", "Văn", "Minh", "Ngọc", "Hữu", "Thanh", "Quốc", "Thu", "Đức", "Hoài")
GIVEN = ("An", "Bình", "Chi", "Dũng", "Giang", "Hạnh", "Hòa", "Khánh", "Lan", "Linh", "Mai",
         "Nam", "Phúc", "Quang", "Sơn", "Tâm", "Thảo", "Trung", "Vy", "Yến")  # fmt: skip

SENTENCES = {
    "plan": (
        "Nhà trường tổ chức chào cờ đầu tuần và sinh hoạt dưới cờ theo chủ điểm của tháng.",
        "Các tổ chuyên môn sinh hoạt theo nghiên cứu bài học, thống nhất nội dung dạy học tuần.",
        "Giáo viên chủ nhiệm kiểm tra nề nếp, vệ sinh lớp học và nhắc nhở học sinh đi học đúng giờ.",
        "Ban giám hiệu dự giờ, thăm lớp và kiểm tra hồ sơ chuyên môn của giáo viên theo kế hoạch.",
        "Tổ văn phòng hoàn thành báo cáo định kỳ gửi Phòng Giáo dục và Đào tạo đúng hạn.",
        "Nhà trường phối hợp với phụ huynh theo dõi việc học tập ở nhà của học sinh.",
        "Tổ chức ôn tập cho học sinh chưa đạt yêu cầu và bồi dưỡng học sinh có năng khiếu.",
        "Đoàn, Đội triển khai phong trào thi đua và hoạt động trải nghiệm cho học sinh.",
    ),
    "news": (
        "Buổi lễ diễn ra trang trọng với sự tham dự của đại diện chính quyền địa phương và phụ huynh.",
        "Thầy Hiệu trưởng phát biểu, nêu những kết quả nổi bật và nhiệm vụ trọng tâm thời gian tới.",
        "Các em học sinh tham gia sôi nổi, mang đến nhiều tiết mục văn nghệ đặc sắc.",
        "Ban đại diện cha mẹ học sinh trao quà động viên các em có thành tích tốt.",
        "Hoạt động góp phần xây dựng môi trường học đường an toàn, thân thiện.",
        "Nhà trường cảm ơn sự đồng hành của quý phụ huynh và các cơ quan, đoàn thể.",
    ),
}


def person_name(rng: random.Random) -> str:
    """A Vietnamese name in Vietnamese order (family, middle, given)."""
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def paragraphs(rng: random.Random, kind: str = "plan", *, count: int = 3, lead: str = "") -> str:
    """`count` HTML paragraphs of three sentences each (well over the 30-word minimum)."""
    pool = SENTENCES[kind]
    parts = [f"<p>{lead}</p>"] if lead else []
    for _ in range(count):
        parts.append("<p>" + " ".join(rng.sample(pool, 3)) + "</p>")
    return "".join(parts)


def _pdf_bytes(title: str) -> bytes:
    """A one-page PDF whose text is the title (ASCII-folded: the standard fonts have no ơ, ư)."""
    import unicodedata

    text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    text = text.replace("(", "[").replace(")", "]")
    stream = f"BT /F1 14 Tf 72 760 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = io.BytesIO(), []
    out.write(b"%PDF-1.4\n")
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref))  # fmt: skip
    return out.getvalue()


def demo_document(title: str, *, file_name: str):
    """A Wagtail document (a real PDF) in the current school, made once per title."""
    from wagtail.documents import get_document_model

    model = get_document_model()
    found = model.objects.filter(title=title).first()
    if found is not None:
        return found
    document = model(title=title)
    document.file.save(file_name, ContentFile(_pdf_bytes(title)), save=False)
    document.save()
    return document


def demo_image(title: str, *, rng: random.Random):
    """A Wagtail image (a PNG photo stand-in in the school's colours), made once per title."""
    from PIL import Image as PILImage
    from wagtail.images import get_image_model

    model = get_image_model()
    found = model.objects.filter(title=title).first()
    if found is not None:
        return found
    colour = (rng.randint(20, 120), rng.randint(60, 160), rng.randint(120, 220))
    buffer = io.BytesIO()
    PILImage.new("RGB", (1200, 800), colour).save(buffer, format="PNG")
    buffer.seek(0)
    image = model(title=title, file=ImageFile(buffer, name="anh-hoat-dong.png"))
    image.save()  # ImageFile: Wagtail reads the width and height from the file
    return image


def attachment(document) -> list:
    return [("file", {"document": document, "label": ""})]


# A week's lessons per class (Thứ Hai – Thứ Sáu, three periods shown), as a school types its
# whole timetable: "Thứ | Tiết | 6A | 6B …" (sitepages.class_timetables.grid_classes reads it).
SUBJECTS = {
    "primary": ("Tiếng Việt", "Toán", "Tự nhiên và Xã hội", "Đạo đức", "Âm nhạc", "Mĩ thuật"),
    "lower_secondary": ("Ngữ văn", "Toán", "Tiếng Anh", "Khoa học tự nhiên", "Lịch sử và Địa lí",
                        "Giáo dục công dân", "Tin học", "Công nghệ"),
}  # fmt: skip
WEEKDAY_NAMES = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu")


def timetable_grid(levels) -> list[list[str]]:
    """The whole school's timetable grid for the demo: a header row, then per day three periods
    (the day named on its first period only, as merged cells read), one column per class."""
    level = "lower_secondary" if "lower_secondary" in levels else "primary"
    classes = (
        ["6A", "6B", "7A", "8A", "9A"]
        if level == "lower_secondary"
        else ["1A", "2A", "3A", "4A", "5A"]
    )
    subjects = SUBJECTS[level]
    rows = [["Thứ", "Tiết", *classes]]
    for day_index, day in enumerate(WEEKDAY_NAMES):
        for period in range(1, 4):
            if day_index == 0 and period == 1:
                lessons = ["Chào cờ"] * len(classes)
            else:
                lessons = [
                    subjects[(day_index * 3 + period + column * 2) % len(subjects)]
                    for column in range(len(classes))
                ]
            rows.append([day if period == 1 else "", str(period), *lessons])
    return rows
