"""The demo school in Debian's chromium at phone size: content, keyboard, axe-core, an editor.

Marked `browser`: a real server thread (pytest-django's live_server) serves committed schools;
chromium resolves `*.localhost` to the loopback, so each school is reached by its own host.
"""

import datetime as dt
import os
import uuid

import pytest
from django.utils import timezone
from django_tenants.utils import schema_context

from sitepages import models as m
from sitepages.calendar import local_today, monday_of
from sitepages.services.disclosure import disclosure_year_create
from tests.sitepages.helpers import draftail_saved, publish_child

pytestmark = [pytest.mark.browser]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def browser():
    from playwright import sync_api as playwright_api  # must be installed: never skip

    # Playwright's sync API keeps an event loop running in this thread; the ORM calls the
    # tests make between page loads are ordinary synchronous code.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with playwright_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def demo_school(committed_schools):
    """A school with the content parents look at (unique host: no stale cache across runs)."""
    tag = uuid.uuid4().hex[:8]
    school = committed_schools(
        name=f"THCS Trình Duyệt {tag}", domain=f"trinh-duyet-{tag}.localhost"
    )
    with schema_context(school.schema_name):
        news = m.NewsIndexPage.objects.get()
        publish_child(
            news,
            m.NewsPage(
                title="Lễ khai giảng năm học mới",
                summary="Sáng 5/9 trường tổ chức lễ khai giảng.",
                body="<p>Toàn trường dự lễ khai giảng.</p>",
            ),
        )
        publish_child(
            news,
            m.NewsPage(
                title="Nghỉ học do bão",
                kind="urgent",
                body="<p>Học sinh nghỉ học ngày mai.</p>",
                received_at=timezone.now() - dt.timedelta(hours=1),
            ),
        )
        publish_child(
            m.PlanIndexPage.objects.get(),
            m.WeeklyPlanPage(
                title="Kế hoạch tuần này",
                week_start=monday_of(local_today()),
                body="<p>Thứ Hai: chào cờ đầu tuần.</p>",
            ),
        )
        contact = m.ContactPage.objects.get()
        contact.phone, contact.email = "0234 3822 123", "thcs@example.edu.vn"
        contact.address = "12 Lê Lợi, phường Phú Hội"
        contact.contacts.add(
            m.ContactRow(
                name="Văn phòng", position="Văn thư", phone="0912000111", email="vp@example.edu.vn"
            )
        )
        contact.save_revision().publish()
        year, _ = disclosure_year_create(
            index=m.DisclosureIndexPage.objects.get(),
            school_year_start=2026,
            levels=["lower_secondary"],
        )
        item = m.DisclosurePage.objects.child_of(year).get(item="a4-3")
        item.body = "<p>Sứ mạng: xây dựng môi trường học tập thân thiện.</p>"
        item.save_revision().publish()
        urls = {
            "plan": m.WeeklyPlanPage.objects.get().url,
            "news_item": m.NewsPage.objects.get(kind="ordinary").url,
            "year": year.url,
            "item": item.url,
        }
    return school, urls


def _axe_serious(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    assert results.response["testEngine"]["name"] == "axe-core"
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_parent_pages_on_a_phone_are_accessible(browser, live_server, demo_school):
    school, urls = demo_school
    port = live_server.url.rsplit(":", 1)[1]
    base = f"http://{school.provisioned.domain}:{port}"
    page = browser.new_page(viewport=PHONE, locale="vi-VN")
    checks = {
        "/": "Lễ khai giảng năm học mới",
        "/tin-tuc/": "Lễ khai giảng năm học mới",
        urls["news_item"]: "Toàn trường dự lễ khai giảng.",
        urls["plan"]: "chào cờ đầu tuần",
        "/lien-he/": "0234 3822 123",
        "/cong-khai/": "Công khai năm học 2026–2027",
        urls["year"]: "Sứ mạng, tầm nhìn, mục tiêu giáo dục",
        urls["item"]: "môi trường học tập thân thiện",
        "/en/": "structure and contacts",
    }
    for path, text in checks.items():
        response = page.goto(base + path)
        assert response.status == 200, path
        assert text in page.content(), path
        assert "Nghỉ học do bão" in page.inner_text(".urgent"), path
        # No horizontal scrolling on a phone.
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], path
        assert _axe_serious(page) == [], path
    page.goto(base + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Bỏ qua, đến nội dung chính"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "noi-dung"
    page.close()


def test_an_editor_creates_and_publishes_this_weeks_plan(browser, live_server, demo_school):
    from django.contrib.auth import get_user_model

    school, _ = demo_school
    with schema_context(school.schema_name):
        m.WeeklyPlanPage.objects.all().delete()
        get_user_model().objects.create_superuser("bientap", "bt@example.edu.vn", "mat-khau-9")
    from compliance.services.evaluation import school_evaluate

    school_evaluate(school=school)  # the panel reads the stored results
    port = live_server.url.rsplit(":", 1)[1]
    base = f"http://{school.provisioned.domain}:{port}"
    # A school's staff browse in Vietnamese (Accept-Language: vi), so the admin speaks it.
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page.goto(base + "/admin/login/")
    page.fill("input[name=username]", "bientap")
    page.fill("input[name=password]", "mat-khau-9")
    page.click("button[type=submit]")
    page.wait_for_url(base + "/admin/")
    assert "Việc cần đăng và việc trễ hạn" in page.content() and "Trang" in page.inner_text("nav")
    # the next weekly plan the stored results ask for (this week's or next week's)
    form = page.locator("form[action='/admin/viec-can-lam/tao/']:has(input[value=weekly-plan])")
    period = form.first.locator("input[name=period]").get_attribute("value")
    form.first.locator("button").click()
    page.wait_for_url("**/edit/")
    editor = page.locator(".public-DraftEditor-content").first
    editor.click()
    editor.type("Thứ Hai: chào cờ. Thứ Năm: họp tổ chuyên môn.")
    draftail_saved(page, "chuyên môn")
    # "Xuất bản" is the footer's main button; after it the editor is back on the admin home.
    page.locator("footer button[name=action-publish]").click()
    page.wait_for_url(base + "/admin/")
    with schema_context(school.schema_name):
        plan = m.WeeklyPlanPage.objects.get()
        assert plan.live and plan.week_start.isoformat() == period
        assert "họp tổ chuyên môn" in plan.body
        url = plan.url
    page.goto(base + url)
    assert "họp tổ chuyên môn" in page.content()
    page.close()
