"""`demo_content_create`: a believable school site for `make demo` and `make bench`.

Built through the page API like an editor would (draft, then publish a revision), so the
publish log — the compliance evidence — looks like a real school's. Idempotent enough for a
demo: pages that already exist for a period are left alone.
"""

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from demo import texts
from demo.photos import demo_photo
from sitepages import calendar
from sitepages import models as m
from sitepages.services.disclosure import disclosure_year_create

NEWS = (
    ("Lễ khai giảng năm học mới", "Sáng 5/9, toàn trường long trọng tổ chức lễ khai giảng."),
    ("Hội thi giáo viên dạy giỏi cấp trường", "12 giáo viên tham gia hội thi năm nay."),
    ("Họp phụ huynh học sinh đầu năm", "Nhà trường tổ chức họp phụ huynh các lớp."),
    ("Tuyên truyền phòng chống dịch bệnh mùa mưa", "Hướng dẫn phụ huynh giữ vệ sinh."),
)

PHOTO_NEWS = (
    "Học sinh trồng cây xanh trong sân trường",
    "Mỗi lớp trồng và chăm sóc một cây xanh trong khuôn viên trường.",
)
PHOTO_NEWS_ALTS = (
    "Học sinh lớp 6A trồng cây trong sân trường",
    "Học sinh tưới cây vừa trồng",
    "Thầy cô và học sinh bên hàng cây mới",
)
ALBUMS = (
    (
        "Hình ảnh lễ khai giảng năm học mới",
        "Những khoảnh khắc của buổi lễ khai giảng: chào cờ, đánh trống khai trường và các tiết "
        "mục văn nghệ chào mừng năm học mới.",
        (
            ("Học sinh toàn trường dự lễ chào cờ", "Toàn trường chào cờ đầu buổi lễ."),
            (
                "Học sinh lớp đầu cấp nhận hoa chào đón",
                "Các em học sinh đầu cấp lần đầu dự lễ khai giảng ở trường.",
            ),
            ("Tiết mục văn nghệ chào mừng", "Tiết mục múa của đội văn nghệ nhà trường."),
            ("Học sinh ra về sau buổi lễ", ""),
        ),
    ),
    (
        "Hình ảnh Hội khỏe Phù Đổng cấp trường",
        "Học sinh các khối thi đấu điền kinh, kéo co và nhảy dây.",
        (
            ("Học sinh thi chạy tiếp sức", "Nội dung chạy tiếp sức 4×100 m."),
            ("Đội kéo co lớp 7A", "Đội kéo co lớp 7A giành giải nhất."),
            ("Học sinh thi nhảy dây", "Nhảy dây tập thể khối 6."),
        ),
    ),
)


def _album_create(parent, title: str, intro: str, photos, *, event_date, user=None):
    blocks = []
    for number, (alt, caption) in enumerate(photos, start=1):
        image = demo_photo(
            seed=f"{title}-{number}", title=f"{title} ({number})", alt=alt, user=user
        )
        blocks.append(("photo", {"image": image, "caption": caption}))
    return _publish(
        parent, m.AlbumPage(title=title, intro=intro, event_date=event_date, photos=blocks), user
    )


def _publish(parent, page, user=None):
    page.live = False
    parent.add_child(instance=page)
    page.save_revision(user=user).publish(user=user)
    return page


@transaction.atomic
def demo_content_create(*, levels, today: dt.date | None = None, user=None) -> None:
    """News (one urgent notice, one with photos), the home page's cover photo, two photo albums, this week's plan and schedule, contacts,
    leaders, a document, this school year's disclosure tree; a menu for preschools."""
    today = today or calendar.local_today()
    monday = calendar.monday_of(today)
    rng = random.Random(f"{today}-{len(levels)}")
    news = m.NewsIndexPage.objects.get()
    if not m.NewsPage.objects.exists():
        for title, summary in NEWS:
            _publish(
                news,
                m.NewsPage(
                    title=title,
                    summary=summary,
                    body=texts.paragraphs(rng, "news", count=2, lead=summary),
                    event_date=today,
                ),
                user,
            )
        _publish(
            news,
            m.NewsPage(
                title="Thông báo nghỉ học do mưa bão",
                kind="urgent",
                summary="Học sinh nghỉ học ngày mai để bảo đảm an toàn.",
                body="<p>Theo chỉ đạo của Ủy ban nhân dân xã, học sinh toàn trường nghỉ học "
                "ngày mai để bảo đảm an toàn trong mưa bão. Phụ huynh theo dõi thông báo tiếp "
                "theo của nhà trường và giáo viên chủ nhiệm.</p>",
                received_at=timezone.now() - dt.timedelta(hours=1),
            ),
            user,
        )
    if not m.NewsPage.objects.exclude(image=None).exists():
        photos = [
            demo_photo(
                seed=f"trong-cay-{number}", title=f"Trồng cây ({number})", alt=alt, user=user
            )
            for number, alt in enumerate(PHOTO_NEWS_ALTS, start=1)
        ]
        _publish(
            news,
            m.NewsPage(
                title=PHOTO_NEWS[0],
                summary=PHOTO_NEWS[1],
                body=texts.paragraphs(rng, "news", count=2),
                event_date=today - dt.timedelta(days=2),
                image=photos[0],
                gallery=[("photo", image) for image in photos],
            ),
            user,
        )
    home = m.HomePage.objects.get()
    if home.hero_image_id is None:
        home.hero_image = demo_photo(
            seed="cong-truong", title="Sân trường", alt="Sân trường và dãy phòng học", user=user
        )
        home.save_revision(user=user).publish(user=user)
    if not m.AlbumPage.objects.exists():
        for days_ago, (title, intro, photos) in zip((20, 6), ALBUMS, strict=True):
            _album_create(
                news,
                title,
                intro,
                photos,
                event_date=today - dt.timedelta(days=days_ago),
                user=user,
            )
    plans = m.PlanIndexPage.objects.get()
    if not m.WeeklyPlanPage.objects.filter(week_start=monday).exists():
        _publish(
            plans,
            m.WeeklyPlanPage(
                title=f"Kế hoạch {calendar.week_label(monday).lower()}",
                week_start=monday,
                body=texts.paragraphs(rng),
            ),
            user,
        )
    if not m.WorkSchedulePage.objects.filter(week_start=monday).exists():
        entries = [
            (
                "entry",
                {
                    "weekday": str(day),
                    "time": "7:30",
                    "content": content,
                    "chair": "Hiệu trưởng",
                    "participants": "Toàn trường",
                    "location": "Hội trường",
                },
            )
            for day, content in (
                (0, "Chào cờ đầu tuần"),
                (2, "Họp hội đồng sư phạm"),
                (4, "Kiểm tra hồ sơ chuyên môn"),
            )
        ]
        _publish(
            m.ScheduleIndexPage.objects.get(),
            m.WorkSchedulePage(
                title=f"Lịch công tác {calendar.week_label(monday).lower()}",
                week_start=monday,
                entries=entries,
            ),
            user,
        )
    menus = m.MenuIndexPage.objects.first()
    if menus and not m.MenuPage.objects.filter(week_start=monday).exists():
        days = [
            (
                "day",
                {
                    "weekday": str(day),
                    "breakfast": "Cháo thịt bằm",
                    "lunch": "Cơm, canh rau, cá kho",
                    "snack": "Sữa chua",
                },
            )
            for day in range(5)
        ]
        _publish(
            menus,
            m.MenuPage(
                title=f"Thực đơn {calendar.week_label(monday).lower()}",
                week_start=monday,
                days=days,
            ),
            user,
        )
    contact = m.ContactPage.objects.get()
    if not contact.contacts.exists():
        contact.address = "12 đường Lê Lợi, phường Phú Hội"
        contact.phone, contact.email = "0234 3822 123", "truong@example.edu.vn"
        contact.contacts.add(
            m.ContactRow(
                name="Văn phòng",
                position="Văn thư",
                position_en="Office",
                phone="0234 3822 124",
                email="vanphong@example.edu.vn",
            )
        )
        contact.save_revision(user=user).publish(user=user)
    organisation = m.OrganisationPage.objects.get()
    if not organisation.leaders.exists():
        organisation.structure = "<p>Ban giám hiệu, các tổ chuyên môn và tổ văn phòng.</p>"
        organisation.intro = texts.paragraphs(rng, count=2, lead="Giới thiệu chung về nhà trường.")
        for role in ("principal", "vice_principal"):
            organisation.leaders.add(
                m.Leader(
                    name=texts.person_name(rng),
                    role=role,
                    phone="0912 345 678",
                    email=f"{role.replace('_', '')}@example.edu.vn",
                )
            )
        organisation.save_revision(user=user).publish(user=user)
    disclosure_year_create(
        index=m.DisclosureIndexPage.objects.get(),
        school_year_start=calendar.school_year_of(today),
        levels=levels,
        user=user,
    )
