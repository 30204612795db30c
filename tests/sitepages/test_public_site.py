"""The parents' site: home page budget, banner, menu, every page type, feeds, sitemap, robots."""

import datetime as dt
import re

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from django_tenants.utils import schema_context
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from sitepages import models as m
from sitepages.calendar import local_today, monday_of
from tests.factories import school_make
from tests.sitepages.conftest import png_file
from tests.sitepages.helpers import publish_child

pytestmark = pytest.mark.django_db


def _realistic_home(school):
    """News (one urgent), this week's schedule and plan, quick links, hero image and logo."""
    with schema_context(school.schema_name):
        home = m.HomePage.objects.get()
        news = m.NewsIndexPage.objects.get()
        for number in range(8):
            publish_child(
                news,
                m.NewsPage(title=f"Tin số {number}", summary="Tóm tắt", body="<p>Nội dung</p>"),
            )
        publish_child(
            news,
            m.NewsPage(
                title="Nghỉ học do bão số 9",
                kind="urgent",
                body="<p>Nghỉ</p>",
                received_at=timezone.now() - dt.timedelta(hours=2),
            ),
        )
        monday = monday_of(local_today())
        publish_child(
            m.ScheduleIndexPage.objects.get(),
            m.WorkSchedulePage(
                title="Lịch công tác tuần này",
                week_start=monday,
                entries=[
                    (
                        "entry",
                        {
                            "weekday": "6",
                            "time": "7:30",
                            "content": "Chào cờ",
                            "chair": "",
                            "participants": "",
                            "location": "Sân trường",
                        },
                    )
                ],
            ),
        )
        publish_child(
            m.PlanIndexPage.objects.get(),
            m.WeeklyPlanPage(title="Kế hoạch tuần này", week_start=monday, body="<p>x</p>"),
        )
        image_model = get_image_model()
        hero = image_model.objects.create(
            title="Sân trường", description="Học sinh chào cờ trên sân trường", file=png_file()
        )
        logo = image_model.objects.create(
            title="Logo", description="Biểu trưng của trường", file=png_file("logo.png", (200, 200))
        )
        contact = m.ContactPage.objects.get()
        home.hero_image = hero
        home.hero_heading = "Trường của chúng ta"
        home.quick_links = [
            ("link", {"title": "Liên hệ", "page": contact, "url": ""}),
            (
                "link",
                {"title": "Cổng dịch vụ công", "page": None, "url": "https://dichvucong.gov.vn"},
            ),
        ]
        home.save_revision().publish()
        site = home.get_site()
        m.SchoolBranding.objects.update_or_create(
            site=site, defaults={"logo": logo, "colour": "#7a1f1f", "footer_text": "Chân trang"}
        )


def test_home_page_renders_within_ten_queries(
    client, school, host, media_root, django_assert_max_num_queries
):
    _realistic_home(school)
    client.get("/", HTTP_HOST=host)  # first view generates the image renditions once
    with django_assert_max_num_queries(10):
        response = client.get("/", HTTP_HOST=host)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Tin số 7" in html and "Tin số 3" in html and "Tin số 2" not in html  # latest six
    assert "Lịch công tác tuần này" in html and "Chào cờ" in html
    assert "Kế hoạch tuần này" in html
    assert 'href="/lien-he/"' in html and "https://dichvucong.gov.vn" in html
    assert re.search(r'srcset="[^"]+ 480w, [^"]+ 800w, [^"]+ 1200w"', html)
    assert 'alt="Học sinh chào cờ trên sân trường"' in html
    assert 'alt="Biểu trưng của trường"' in html
    assert "--brand:#7a1f1f" in html and "Chân trang" in html
    assert "Thông báo khẩn:" in html and "Nghỉ học do bão số 9" in html
    assert len(response.content) < 100_000


def test_urgent_banner_is_on_every_page_until_it_expires(client, school, host):
    with schema_context(school.schema_name):
        news = m.NewsIndexPage.objects.get()
        notice = publish_child(
            news,
            m.NewsPage(
                title="Điều chỉnh lịch thi",
                kind="urgent",
                body="<p>x</p>",
                received_at=timezone.now() - dt.timedelta(hours=1),
                urgent_until=timezone.now() + dt.timedelta(hours=1),
            ),
        )
    for path in ("/", "/lien-he/", "/tin-tuc/", "/en/"):
        assert "Điều chỉnh lịch thi" in client.get(path, HTTP_HOST=host).content.decode(), path
    with schema_context(school.schema_name):
        m.NewsPage.objects.filter(pk=notice.pk).update(
            urgent_until=timezone.now() - dt.timedelta(minutes=1)
        )
    assert "Thông báo khẩn:" not in client.get("/lien-he/", HTTP_HOST=host).content.decode()


def test_menu_follows_the_fixed_section_order(client, school, host):
    html = client.get("/", HTTP_HOST=host).content.decode()
    nav = html.split('aria-label="Menu chính"')[1].split("</nav>")[0]
    hrefs = re.findall(r'href="([^"]+)"', nav)
    assert hrefs == [
        "/",
        "/gioi-thieu/",
        "/tin-tuc/",
        "/ke-hoach/",
        "/lich-cong-tac/",
        "/thoi-khoa-bieu/",
        "/van-ban/",
        "/cong-khai/",
        "/thu-tuc-hanh-chinh/",
        "/tuyen-sinh/",
        "/gop-y/",
        "/lien-he/",
    ]
    assert "/thuc-don/" not in nav


def test_preschool_menu_has_the_menu_section(client, authority):
    preschool = school_make(authority=authority, name="MN Sơn Ca", levels="preschool")
    html = client.get("/", HTTP_HOST=preschool.provisioned.domain).content.decode()
    assert 'href="/thuc-don/"' in html


def test_every_page_type_renders_with_its_data(client, school, host, media_root):
    with schema_context(school.schema_name):
        monday = dt.date(2026, 11, 16)
        plans = m.PlanIndexPage.objects.get()
        publish_child(plans, m.WeeklyPlanPage(title="KH tuần", week_start=monday, body="<p>b</p>"))
        publish_child(plans, m.MonthlyPlanPage(title="KH tháng", month=dt.date(2026, 11, 1)))
        publish_child(plans, m.AnnualPlanPage(title="KH năm", school_year_start=2026))
        schedules = m.ScheduleIndexPage.objects.get()
        publish_child(schedules, m.LessonRegisterPage(title="Báo giảng", week_start=monday))
        publish_child(
            m.TimetableIndexPage.objects.get(),
            m.TimetablePage(
                title="TKB HK1", school_year_start=2026, semester=1, effective_from=monday
            ),
        )
        document = get_document_model().objects.create(
            title="Quyết định 15", file=ContentFile(b"%PDF-1.4 test", name="qd-15.pdf")
        )
        publish_child(
            m.DocumentIndexPage.objects.get(),
            m.OfficialDocumentPage(
                title="Quyết định thành lập tổ",
                number="15/QĐ-THCS",
                issuer="Trường THCS",
                issued_on=dt.date(2026, 9, 1),
                summary="Về việc thành lập tổ chuyên môn",
                file=document,
            ),
        )
        procedures = m.ProcedureIndexPage.objects.get()
        publish_child(
            procedures,
            m.ProcedurePage(
                title="Chuyển trường",
                time_limit="3 ngày làm việc",
                steps=[("step", "Nộp đơn"), ("step", "Nhận kết quả")],
            ),
        )
        organisation = m.OrganisationPage.objects.get()
        organisation.leaders.add(
            m.Leader(name="Nguyễn Văn An", role="principal", phone="0912345678")
        )
        organisation.save_revision().publish()
        contact = m.ContactPage.objects.get()
        contact.phone, contact.email = "0234 3822 123", "thcs@example.edu.vn"
        contact.contacts.add(m.ContactRow(name="Văn phòng", position="Văn thư", phone="0912000111"))
        contact.save_revision().publish()
    expectations = {
        "/ke-hoach/": "KH tuần",
        "/ke-hoach/kh-tuan/": "Tuần 11 (16/11 – 22/11/2026)",
        "/ke-hoach/kh-thang/": "Tháng 11/2026",
        "/ke-hoach/kh-nam/": "Năm học 2026–2027",
        "/lich-cong-tac/bao-giang/": "Tuần 11",
        "/thoi-khoa-bieu/tkb-hk1/": "Học kỳ I năm học 2026–2027",
        "/van-ban/": "15/QĐ-THCS",
        "/van-ban/?q=15%2FQĐ": "Về việc thành lập tổ chuyên môn",
        "/van-ban/quyet-dinh-thanh-lap-to/": "01/09/2026",
        "/thu-tuc-hanh-chinh/chuyen-truong/": "Nhận kết quả",
        "/gioi-thieu/": "Nguyễn Văn An",
        "/lien-he/": "0234 3822 123",
        "/cong-khai/": "Thông tin công khai theo Thông tư 09/2024/TT-BGDĐT",
        "/tuyen-sinh/": "Tuyển sinh",
        "/gop-y/": "Gửi góp ý",
    }
    for path, text in expectations.items():
        response = client.get(path, HTTP_HOST=host)
        assert response.status_code == 200, path
        html = response.content.decode()
        assert text in html, path
        assert 'href="#noi-dung"' in html and '<main id="noi-dung"' in html
        assert len(response.content) < 100_000
    breadcrumbs = client.get("/ke-hoach/kh-tuan/", HTTP_HOST=host).content.decode()
    assert 'aria-label="Đường dẫn"' in breadcrumbs
    assert '<a href="/ke-hoach/">Kế hoạch</a>' in breadcrumbs
    assert (
        client.get("/van-ban/?q=khong-co", HTTP_HOST=host).content.decode().count("15/QĐ-THCS") == 0
    )


def test_open_graph_and_print_styles(client, school, host):
    with schema_context(school.schema_name):
        publish_child(
            m.NewsIndexPage.objects.get(),
            m.NewsPage(
                title="Lễ khai giảng",
                summary="Sáng 5/9 trường tổ chức lễ khai giảng.",
                body="<p>x</p>",
            ),
        )
    html = client.get("/tin-tuc/le-khai-giang/", HTTP_HOST=host).content.decode()
    assert '<meta property="og:title" content="Lễ khai giảng">' in html
    assert '<meta property="og:type" content="article">' in html
    assert 'content="Sáng 5/9 trường tổ chức lễ khai giảng."' in html
    assert f'<meta property="og:url" content="http://{host}/tin-tuc/le-khai-giang/">' in html
    assert '<style media="print">' in html


def test_feed_sitemap_and_robots_on_the_school_host(client, school, host):
    with schema_context(school.schema_name):
        publish_child(
            m.NewsIndexPage.objects.get(),
            m.NewsPage(title="Hội khỏe Phù Đổng", summary="Kết quả hội khỏe", body="<p>x</p>"),
        )
        news = m.NewsIndexPage.objects.get()
        news.add_child(
            instance=m.NewsPage(title="Bản nháp", slug="ban-nhap", body="<p>x</p>", live=False)
        )
    rss = client.get("/tin-tuc/feed/", HTTP_HOST=host)
    assert rss.status_code == 200 and rss["Content-Type"].startswith("application/rss+xml")
    body = rss.content.decode()
    assert "Hội khỏe Phù Đổng" in body and f"http://{host}/tin-tuc/hoi-khoe-phu-dong/" in body
    assert "Bản nháp" not in body
    atom = client.get("/tin-tuc/feed/atom/", HTTP_HOST=host)
    assert atom["Content-Type"].startswith("application/atom+xml")
    sitemap = client.get("/sitemap.xml", HTTP_HOST=host).content.decode()
    assert f"<loc>http://{host}/tin-tuc/hoi-khoe-phu-dong/</loc>" in sitemap
    assert f"<loc>http://{host}/thu-tuc-hanh-chinh/</loc>" in sitemap
    assert "ban-nhap" not in sitemap
    robots = client.get("/robots.txt", HTTP_HOST=host)
    assert robots["Content-Type"].startswith("text/plain")
    assert f"Sitemap: http://{host}/sitemap.xml" in robots.content.decode()
    assert "Disallow: /admin/" in robots.content.decode()


def test_english_page_lists_structure_and_contacts(client, school, host):
    with schema_context(school.schema_name):
        organisation = m.OrganisationPage.objects.get()
        organisation.name_en = "Nguyen Du Lower Secondary School"
        organisation.structure_en = "The school has a board of management and four subject groups."
        organisation.leaders.add(
            m.Leader(name="Trần Thị Bình", role="vice_principal", email="binh@example.edu.vn")
        )
        organisation.save_revision().publish()
        contact = m.ContactPage.objects.get()
        contact.email = "thcs@example.edu.vn"
        contact.contacts.add(
            m.ContactRow(
                name="Văn phòng", position="Văn thư", position_en="Office", phone="0912000111"
            )
        )
        contact.save_revision().publish()
    response = client.get("/en/", HTTP_HOST=host)
    html = response.content.decode()
    assert response.status_code == 200 and '<html lang="en">' in html
    assert "Nguyen Du Lower Secondary School: structure and contacts" in html
    assert "four subject groups" in html
    assert "Vice principal" in html and "binh@example.edu.vn" in html
    assert "thcs@example.edu.vn" in html and "Office" in html


def test_search_returns_only_this_schools_pages(client, authority):
    first = school_make(authority=authority, name="THCS Lê Lợi")
    second = school_make(authority=authority, name="THCS Trần Phú")
    for school, title in ((first, "Hội thao Lê Lợi"), (second, "Hội thao Trần Phú")):
        with schema_context(school.schema_name):
            publish_child(
                m.NewsIndexPage.objects.get(),
                m.NewsPage(
                    title=title, summary="Hội thao chào mừng ngày Nhà giáo", body="<p>hội thao</p>"
                ),
            )
    html = client.get("/tim-kiem/?q=hội thao", HTTP_HOST=first.provisioned.domain).content.decode()
    assert "Hội thao Lê Lợi" in html
    assert "Hội thao Trần Phú" not in html
    html = client.get("/tim-kiem/?q=hội thao", HTTP_HOST=second.provisioned.domain).content.decode()
    assert "Hội thao Trần Phú" in html and "Hội thao Lê Lợi" not in html
    nothing = client.get("/tim-kiem/?q=zzzkhongco", HTTP_HOST=first.provisioned.domain)
    assert "Không tìm thấy kết quả" in nothing.content.decode()


def test_demo_content_makes_a_lived_in_home_page(
    client, school, host, django_assert_max_num_queries, media_root
):
    from demo.content import demo_content_create

    with schema_context(school.schema_name):
        demo_content_create(levels=school.levels)
        demo_content_create(levels=school.levels)  # a second run adds nothing
        assert m.NewsPage.objects.count() == 6
        assert m.NewsPage.objects.exclude(image=None).count() == 1
        assert [album.photo_count for album in m.AlbumPage.objects.order_by("pk")] == [4, 3]
        assert m.HomePage.objects.get().hero_image is not None
    client.get("/", HTTP_HOST=host)
    with django_assert_max_num_queries(10):
        html = client.get("/", HTTP_HOST=host).content.decode()
    assert "Thông báo nghỉ học do mưa bão" in html and "Lịch công tác" in html


def test_a_lost_image_file_hides_the_image_instead_of_failing(client, school, host, media_root):
    with schema_context(school.schema_name):
        image = get_image_model().objects.create(
            title="Mất tệp", description="Ảnh", file=png_file("mat.png")
        )
        image.file.storage.delete(image.file.name)
        home = m.HomePage.objects.get()
        home.hero_image = image
        home.save_revision().publish()
    response = client.get("/", HTTP_HOST=host)
    assert response.status_code == 200 and "srcset" not in response.content.decode()
