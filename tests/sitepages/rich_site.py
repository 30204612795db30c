"""A school site with one published page of every type parents can open, built the editors' way.

`rich_site_build()` runs inside the school's schema and returns {name: url} for the pages the
browser tests visit: one per page type, plus the search results and the English page.
"""

import datetime as dt

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Page

from demo.content import demo_content_create
from sitepages import models as m
from sitepages.calendar import local_today, monday_of, school_year_of
from tests.sitepages.helpers import publish_child

# A contact, a schedule entry and a document summary long enough to wrap on a phone: the
# cards must fold them, never push the page sideways.
LONG = (
    "Họp liên tịch mở rộng với Ban đại diện cha mẹ học sinh, tổng phụ trách Đội và các tổ "
    "trưởng chuyên môn về kế hoạch tổ chức Hội khỏe Phù Đổng cấp trường năm học mới"
)


def _document(title: str):
    document = get_document_model()(title=title)
    document.file.save(f"{title}.pdf", ContentFile(b"%PDF-1.4\n" + b"0" * 245_000), save=False)
    document.save()
    document.get_file_size()  # stored as the admin's upload form stores it
    return document


def rich_site_build(*, levels=("lower_secondary",)) -> dict[str, str]:
    today = local_today()
    monday = monday_of(today)
    year = school_year_of(today)
    demo_content_create(levels=list(levels), today=today)
    schedule = m.WorkSchedulePage.objects.get()
    schedule.entries = [
        *[("entry", block.value) for block in schedule.entries],
        (
            "entry",
            {
                "weekday": "1",
                "time": "14:00–16:30",
                "content": LONG,
                "chair": "Phó Hiệu trưởng phụ trách chuyên môn",
                "participants": "Ban đại diện cha mẹ học sinh, tổ trưởng chuyên môn",
                "location": "Phòng họp hội đồng, tầng 2 dãy nhà hiệu bộ",
            },
        ),
    ]
    schedule.save_revision().publish()
    contact = m.ContactPage.objects.get()
    contact.contacts.add(
        m.ContactRow(
            name="Tổ Văn phòng – kế toán, văn thư, thủ quỹ",
            position="Tổ trưởng tổ văn phòng kiêm kế toán",
            phone="0234 3822 125",
            email="to.van.phong.ke.toan.truong@example.edu.vn",
        )
    )
    contact.save_revision().publish()
    plans = m.PlanIndexPage.objects.get()
    publish_child(
        plans,
        m.MonthlyPlanPage(
            title="Kế hoạch tháng", month=today.replace(day=1), body="<p>Tháng này.</p>"
        ),
    )
    publish_child(
        plans,
        m.AnnualPlanPage(
            title="Kế hoạch năm học", school_year_start=year, body="<p>Cả năm học.</p>"
        ),
    )
    publish_child(
        m.DocumentIndexPage.objects.get(),
        m.OfficialDocumentPage(
            title="Quyết định thành lập hội đồng",
            number="123/QĐ-THCS",
            issuer="Trường THCS",
            issued_on=today - dt.timedelta(days=3),
            summary=LONG,
            file=_document("quyet-dinh-123"),
        ),
    )
    publish_child(
        m.ProcedureIndexPage.objects.get(),
        m.ProcedurePage(
            title="Chuyển trường", summary="Hồ sơ xin chuyển trường.", time_limit="3 ngày"
        ),
    )
    publish_child(
        m.TimetableIndexPage.objects.get(),
        m.TimetablePage(
            title="Thời khóa biểu học kỳ 1",
            school_year_start=year,
            semester=1,
            effective_from=dt.date(year, 9, 8),
            body="<p>Lớp 6A: Toán, Văn.</p>",
        ),
    )
    publish_child(
        m.ScheduleIndexPage.objects.get(),
        m.LessonRegisterPage(
            title="Lịch báo giảng tuần này",
            week_start=monday,
            registers=[
                (
                    "register",
                    {"teacher": "Lê Thị Hoa", "subject": "Toán 6A", "document": _document("lbg")},
                )
            ],
        ),
    )
    publish_child(
        m.HomePage.objects.get(),
        m.StandardPage(title="Lịch sử nhà trường", body="<p>Thành lập năm 1975.</p>"),
    )
    item = m.DisclosurePage.objects.filter(item="a4-3").first()
    item.body = "<p>Sứ mạng: xây dựng môi trường học tập thân thiện.</p>"
    item.save_revision().publish()
    urls = {"home": "/", "search": "/tim-kiem/?q=k%E1%BA%BF+ho%E1%BA%A1ch", "english": "/en/"}
    seen = set()
    for page in Page.objects.live().specific().order_by("path"):
        kind = type(page).__name__
        if kind not in seen and page.depth > 2:
            seen.add(kind)
            urls[kind] = page.url
    return urls
