"""A realistic publishing history for the demo schools, written through the real page types and
Wagtail's real publication path, each publication at its own simulated moment (time-machine
moves the clock, so Wagtail records that moment as server time — exactly what the compliance
engine reads).

Profiles: diligent schools publish ahead of every deadline; some are late on Mondays; some
forget monthly plans; one stopped publishing in October; the rest are in between.
"""

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass

import time_machine
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from django_tenants.utils import get_public_schema_name, schema_context

from compliance.engine import default_school_year
from demo import texts
from sitepages.roles import PRINCIPAL_GROUP
from tenants.models import School
from tenants.schoolcalendar.localtime import LOCAL_TZ
from tenants.services.template import publication_history_restamp


@dataclass(frozen=True)
class Profile:
    name: str
    weekly_at: tuple[int, int]  # (days after Monday, local hour): -3, 16 = Friday 16:00 before
    monthly_days_before: int | None  # publish the monthly plan N days before the 1st; None: forget
    news_per_week: tuple[int, int]  # min, max
    stops_on: dt.date | None = None
    topical_late_share: float = 0.0


PROFILES = {
    "diligent": Profile("diligent", (-3, 16), 6, (2, 4)),
    "late-mondays": Profile("late-mondays", (0, 15), 2, (2, 3), topical_late_share=0.3),
    "forgets-monthly": Profile("forgets-monthly", (-1, 20), None, (1, 3)),
    "stopped-october": Profile(
        "stopped-october", (-2, 9), 3, (2, 3), stops_on=dt.date(2026, 10, 12)
    ),
    "patchy": Profile("patchy", (0, 11), 1, (0, 2), topical_late_share=0.5),
}
ROTATION = [
    "diligent",
    "late-mondays",
    "forgets-monthly",
    "diligent",
    "patchy",
    "stopped-october",
    "diligent",
    "late-mondays",
    "forgets-monthly",
    "patchy",
    "diligent",
    "late-mondays",
]

# Events with a fixed day are published once, on their day: khai giảng on 05/09 and the
# Vietnamese Teachers' Day news on 20/11; the rest rotate through the weeks.
FIXED_NEWS = (
    (
        (9, 5),
        "Lễ khai giảng năm học 2026–2027",
        "Sáng 05/09, thầy và trò nhà trường long trọng tổ chức lễ khai giảng năm học mới.",
    ),
    (
        (11, 20),
        "Kỷ niệm 44 năm Ngày Nhà giáo Việt Nam 20/11",
        "Nhà trường tổ chức mít tinh kỷ niệm Ngày Nhà giáo Việt Nam, tôn vinh các thầy cô giáo.",
    ),
)
NEWS_TOPICS = [
    "Hội thi giáo viên dạy giỏi cấp trường",
    "Họp phụ huynh học sinh",
    "Tập huấn phòng chống đuối nước",
    "Ngày hội đọc sách",
    "Hoạt động ngoại khóa",
    "Tuyên truyền an toàn giao thông",
    "Khám sức khỏe định kỳ",
    "Hội nghị cán bộ, công chức, viên chức",
    "Trung thu cho em",
    "Thi Olympic tiếng Anh",
]


def local(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=LOCAL_TZ)


@dataclass(order=True)
class Publication:
    at: dt.datetime
    label: str
    make: Callable = None  # (home, user) -> Page, called with the clock at `at`


def _section(home, model_name: str):
    return next(
        child.specific
        for child in home.get_children().specific()
        if type(child).__name__ == model_name
    )


def _publish(parent, page, user):
    from sitepages.services.drafts import draft_create

    draft_create(parent=parent, page=page, user=user)
    page.save_revision(user=user).publish(user=user)
    return page


def _plan_events(
    school: School, profile: Profile, since: dt.date, until: dt.datetime, rng
) -> list[Publication]:
    from sitepages import models as m

    levels = set(school.levels)
    preschool = "preschool" in levels
    general = bool(levels & {"primary", "lower_secondary"})
    events: list[Publication] = []
    year = default_school_year(school_year_start=2026)
    teaching = {monday for _, monday in year.teaching_weeks}

    def add(at, label, make):
        if at <= until and (profile.stops_on is None or at.date() < profile.stops_on):
            events.append(Publication(at, label, make))

    annual_day = dt.date(2026, 8, 10) if profile.name == "diligent" else dt.date(2026, 8, 18)
    add(
        local(annual_day, 9),
        "annual plan",
        lambda home, user: _publish(
            _section(home, "PlanIndexPage"),
            m.AnnualPlanPage(
                title="Kế hoạch năm học 2026–2027",
                school_year_start=2026,
                body=texts.paragraphs(
                    rng, count=4, lead="Kế hoạch giáo dục của nhà trường năm học 2026–2027."
                ),
                attachments=texts.attachment(
                    texts.demo_document(
                        "Kế hoạch giáo dục năm học 2026–2027", file_name="ke-hoach-nam-hoc.pdf"
                    )
                ),
            ),
            user,
        ),
    )
    add(
        local(dt.date(2026, 8, 12), 10),
        "organisation",
        lambda home, user: _organisation(_section(home, "OrganisationPage"), user, rng),
    )
    add(
        local(dt.date(2026, 8, 13), 10),
        "procedure",
        lambda home, user: _publish(
            _section(home, "ProcedureIndexPage"),
            m.ProcedurePage(
                title="Thủ tục chuyển trường",
                summary="Hồ sơ và trình tự chuyển trường cho học sinh tiểu học và trung học cơ sở.",
                steps=[
                    ("step", "Cha mẹ học sinh nộp đơn đề nghị chuyển trường tại văn phòng."),
                    ("step", "Nhà trường kiểm tra hồ sơ và trả lời trong 03 ngày làm việc."),
                    ("step", "Nhận giấy giới thiệu chuyển trường và hồ sơ học sinh."),
                ],
                fees="Không",
                time_limit="03 ngày làm việc",
            ),
            user,
        ),
    )
    if general:
        timetable_day = dt.date(2026, 8, 18) if profile.name != "patchy" else dt.date(2026, 8, 25)
        add(
            local(timetable_day, 14),
            "timetable",
            lambda home, user: _publish(
                _section(home, "TimetableIndexPage"),
                m.TimetablePage(
                    title="Thời khóa biểu học kỳ I",
                    school_year_start=2026,
                    semester=1,
                    effective_from=dt.date(2026, 9, 7),
                    # a patchy school puts up an empty page: the demo's "no substance" case
                    **(
                        {}
                        if profile.name == "patchy"
                        else {
                            "body": "<p>Thời khóa biểu áp dụng từ 07/09/2026 cho tất cả các lớp, "
                            "buổi sáng từ 7 giờ 00, buổi chiều từ 13 giờ 30.</p>",
                            "attachments": texts.attachment(
                                texts.demo_document(
                                    "Thời khóa biểu học kỳ I", file_name="thoi-khoa-bieu-hk1.pdf"
                                )
                            ),
                            # the whole school's grid as schools type it: parents pick a class
                            "grid": [("table", {"data": texts.timetable_grid(levels)})],
                        }
                    ),
                ),
                user,
            ),
        )

    month = dt.date(since.year, since.month, 1)
    while month <= until.date():
        nxt = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        skip = profile.monthly_days_before is None and rng.random() < 0.75
        if not skip:
            days_before = (
                profile.monthly_days_before if profile.monthly_days_before is not None else -4
            )
            when = local(nxt - dt.timedelta(days=days_before or 0), 10)
            label = f"Kế hoạch tháng {nxt.month:02d}/{nxt.year}"
            add(
                when,
                "monthly plan",
                lambda home, user, nxt=nxt, label=label: _publish(
                    _section(home, "PlanIndexPage"),
                    m.MonthlyPlanPage(
                        title=label,
                        month=nxt,
                        body=texts.paragraphs(rng, lead="Các hoạt động trọng tâm của tháng."),
                    ),
                    user,
                ),
            )
        month = nxt

    monday = since - dt.timedelta(days=since.weekday())
    week_index = 0
    while monday <= until.date() + dt.timedelta(days=7):
        if monday in teaching:
            day_offset, hour = profile.weekly_at
            if profile.name == "patchy" and rng.random() < 0.3:
                day_offset, hour = 1, 9  # Tuesday: late
            when = local(monday + dt.timedelta(days=day_offset), hour, rng.randint(0, 50))
            label = f"tuần {monday:%d/%m/%Y}"
            week = {"when": when, "monday": monday, "add": add}
            hollow = profile.name == "patchy" and rng.random() < 0.25
            _weekly(
                **week,
                minutes=0,
                section="PlanIndexPage",
                model=m.WeeklyPlanPage,
                title=f"Kế hoạch {label}",
                # a patchy school sometimes publishes the page with nothing in it
                body="" if hollow else texts.paragraphs(rng),
            )
            _weekly(
                **week,
                minutes=5,
                section="ScheduleIndexPage",
                model=m.WorkSchedulePage,
                title=f"Lịch công tác {label}",
                entries=_schedule_entries(rng),
            )
            if general and not (profile.name == "patchy" and rng.random() < 0.4):
                _weekly(
                    **week,
                    minutes=10,
                    section="ScheduleIndexPage",
                    model=m.LessonRegisterPage,
                    title=f"Lịch báo giảng {label}",
                    registers=lambda monday=monday: _registers(rng, monday),
                )
            if preschool or school.serves_meals:
                _weekly(
                    **week,
                    minutes=15,
                    section="MenuIndexPage",
                    model=m.MenuPage,
                    title=f"Thực đơn {label}",
                    days=_menu_days(rng),
                )
        for (month_number, day_number), title, lead in FIXED_NEWS:
            day = dt.date(monday.year, month_number, day_number)
            if monday <= day < monday + dt.timedelta(days=7):
                add(
                    local(day, 11, 30),
                    f"news: {title}",
                    lambda home, user, day=day, title=title, lead=lead: _news(
                        home, user, rng, title=title, day=day, lead=lead
                    ),
                )
        for n in range(rng.randint(*profile.news_per_week)):
            day = monday + dt.timedelta(days=rng.randint(0, 4))
            topic = NEWS_TOPICS[(week_index * 3 + n) % len(NEWS_TOPICS)]
            late = rng.random() < profile.topical_late_share
            when = local(day, 18 if late else rng.randint(8, 15), rng.randint(0, 59))
            add(
                when,
                "news",
                lambda home, user, day=day, topic=topic: _news(
                    home,
                    user,
                    rng,
                    title=f"{topic} ({day:%d/%m})",
                    day=day,
                    lead=f"{topic} đã diễn ra tại trường ngày {day:%d/%m/%Y}.",
                ),  # fmt: skip
            )
        monday += dt.timedelta(days=7)
        week_index += 1
    return sorted(events, key=lambda e: e.at)


def _weekly(*, add, when, monday, minutes, section, model, title, **fields):
    """Schedule one page for the teaching week starting `monday`, `minutes` after `when`."""
    add(
        when + dt.timedelta(minutes=minutes),
        model.__name__,
        lambda home, user: _publish(
            _section(home, section),
            # a callable field (rows that need a document) is made when the page is published
            model(
                title=title,
                week_start=monday,
                **{name: value() if callable(value) else value for name, value in fields.items()},
            ),
            user,
        ),
    )


def _news(home, user, rng, *, title: str, day: dt.date, lead: str):
    from sitepages import models as m

    return _publish(
        _section(home, "NewsIndexPage"),
        m.NewsPage(
            title=title,
            kind="topical",
            event_date=day,
            summary=lead,
            body=texts.paragraphs(rng, "news", count=2, lead=lead),
            image=texts.demo_image(f"Ảnh: {title.split(' (')[0]}", rng=rng),
        ),
        user,
    )


def _schedule_entries(rng) -> list:
    works = ("Chào cờ đầu tuần", "Sinh hoạt tổ chuyên môn", "Họp hội đồng sư phạm",
             "Kiểm tra hồ sơ giáo viên", "Dự giờ, thăm lớp", "Tổng vệ sinh trường lớp")  # fmt: skip
    return [
        (
            "entry",
            {
                "weekday": str(day),
                "time": "7:00" if day == 0 else "14:00",
                "content": works[(day + rng.randint(0, 5)) % len(works)],
                "chair": texts.person_name(rng),
                "participants": "Toàn thể cán bộ, giáo viên",
                "location": "Hội trường" if day == 0 else "Phòng họp",
            },
        )
        for day in range(5)
    ]


def _registers(rng, monday: dt.date) -> list:
    document = texts.demo_document(
        f"Lịch báo giảng tuần {monday:%d/%m/%Y}", file_name=f"lich-bao-giang-{monday:%Y%m%d}.pdf"
    )
    subjects = ("Toán 6A", "Ngữ văn 7B", "Tiếng Anh 8A", "Khoa học tự nhiên 9C", "Lịch sử 6B")
    return [
        (
            "register",
            {"teacher": texts.person_name(rng), "subject": subject, "document": document},
        )
        for subject in rng.sample(subjects, 3)
    ]


def _menu_days(rng) -> list:
    lunches = ("Cơm, canh bí đỏ, thịt kho trứng", "Cơm, canh rau ngót, cá sốt cà",
               "Cơm, canh chua, gà xào sả", "Bún riêu cua", "Cơm, canh cải, đậu sốt thịt")  # fmt: skip
    return [
        (
            "day",
            {
                "weekday": str(day),
                "breakfast": "Cháo thịt bằm",
                "lunch": lunches[(day + rng.randint(0, 4)) % len(lunches)],
                "snack": "Sữa chua, trái cây",
            },
        )
        for day in range(5)
    ]


def _organisation(page, user, rng):
    """Structure, duties and the leaders (varied names) on the provisioned organisation page."""
    from sitepages import models as m

    page.intro = texts.paragraphs(rng, count=2, lead="Giới thiệu chung về nhà trường.")
    page.structure = "<p>Ban giám hiệu, các tổ chuyên môn, tổ văn phòng, Công đoàn, Đoàn, Đội.</p>"
    page.functions = "<p>Tổ chức hoạt động giáo dục theo chương trình của Bộ GD&ĐT.</p>"
    if not page.leaders.exists():
        for role, title in (("principal", "Hiệu trưởng"), ("vice_principal", "Phó Hiệu trưởng")):
            page.leaders.add(
                m.Leader(
                    name=texts.person_name(rng),
                    role=role,
                    title=title,
                    phone="0912 345 678",
                    email=f"{role}@example.edu.vn",
                )
            )
    page.save_revision(user=user).publish(user=user)
    return page


def _republish(page, user, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision(user=user).publish(user=user)
    return page


def _editor(school: School):
    User = get_user_model()
    user = User.objects.filter(is_active=True, groups__name=PRINCIPAL_GROUP).order_by("pk").first()
    if user is None:
        user = User.objects.create_user(username=f"hieutruong@{school.code}.edu.vn")
        user.groups.add(Group.objects.get(name=PRINCIPAL_GROUP))
    return user


def school_history_load(
    *,
    school: School,
    profile_name: str,
    since: dt.date,
    until: dt.datetime | None = None,
    log=print,
) -> int:
    """Publish the school's history from `since` to `until` (default now); returns how many.

    Idempotent: a school that already has a weekly plan is left alone.
    """
    from sitepages.models import HomePage, WeeklyPlanPage

    until = until or timezone.now()
    profile = PROFILES[profile_name]
    rng = random.Random(f"{school.code}-{profile_name}")
    start = local(since, 0)
    with schema_context(get_public_schema_name()):
        if school.created_at > start:
            School.objects.filter(pk=school.pk).update(created_at=start)
        with schema_context(school.schema_name):
            if WeeklyPlanPage.objects.exists():
                return 0
            publication_history_restamp(moment=start)
            events = _plan_events(school, profile, since, until, rng)
            user = _editor(school)
            for event in events:
                with time_machine.travel(event.at, tick=False):
                    home = HomePage.objects.get()
                    event.make(home, user)
            # Today's state: contacts, leaders, a document, this year's disclosure tree (not for a
            # school that stopped publishing).
            from demo.content import demo_content_create

            if profile.stops_on is None:
                demo_content_create(levels=school.levels, user=user)
        log(f"  {school.name}: {len(events)} publications ({profile_name})")
        return len(events)


def authority_history_load(*, schools, since: dt.date, log=print) -> int:
    total = 0
    for index, school in enumerate(schools):
        total += school_history_load(
            school=school, profile_name=ROTATION[index % len(ROTATION)], since=since, log=log
        )
    return total


def school_content_fill(*, school: School, weeks: int = 8) -> int:
    """A diligent school's recent weeks plus a live urgent notice (for the serving benchmark)."""
    from sitepages import models as m

    since = timezone.localdate() - dt.timedelta(weeks=weeks)
    count = school_history_load(
        school=school, profile_name="diligent", since=since, log=lambda *_: None
    )
    with schema_context(school.schema_name):
        if not m.NewsPage.objects.filter(kind="urgent").exists():
            home = m.HomePage.objects.get()
            now = timezone.now()
            _publish(
                _section(home, "NewsIndexPage"),
                m.NewsPage(
                    title="Thông báo khẩn: học sinh nghỉ học do mưa lũ",
                    kind="urgent",
                    event_date=timezone.localdate(),
                    received_at=now - dt.timedelta(minutes=20),
                    urgent_until=now + dt.timedelta(days=30),
                    body="<p>Nhà trường thông báo học sinh nghỉ học ngày mai để bảo đảm an toàn.</p>",
                ),
                _editor(school),
            )
    return count


def _document_fill(report, *, number: int):
    """The administrative document's parts, as the body's office would fill them."""
    from demo.data import DEMO_COMMUNES
    from reports.official import report_document_fill, report_document_initial

    province = report.authority.kind == "province"
    place = next((c["place"] for c in DEMO_COMMUNES if c["code"] == report.authority.code), "Huế")
    initial = report_document_initial(report)
    return report_document_fill(
        report=report,
        fields={
            **initial,
            "doc_number": str(number),
            "doc_symbol": "TB-SGDĐT" if province else "TB-UBND",
            "doc_place": place,
            "signer_title": "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"
            if province
            else "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
            "signer_name": "Trần Thị Minh" if province else "Nguyễn Văn An",
            "recipients": "Các trường trực thuộc;\nLưu: VT.",
        },
    )


def demo_reports_publish(*, authority, since: dt.date) -> list[str]:
    """Generate and publish the monthly list for every month since `since` that has ended."""
    from reports.generation import monthly_report_generate, monthly_report_publish
    from reports.models import MonthlyReport

    months, month = [], dt.date(since.year, since.month, 1)
    today = timezone.localdate()
    while (month.year, month.month) < (today.year, today.month):
        key = f"{month:%Y-%m}"
        if not MonthlyReport.objects.filter(authority=authority, month=key).exists():
            monthly_report_generate(authority=authority, month=key, requested_by="demo")
        report = MonthlyReport.objects.get(authority=authority, month=key)
        if not report.is_published:
            report = _document_fill(report, number=len(months) + 1)
            monthly_report_publish(
                report=report,
                published_by="demo",
                cover_note=report.cover_note,
                signed_by=report.signed_by,
            )
        months.append(key)
        month = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return months
