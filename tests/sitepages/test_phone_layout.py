"""Every page type parents open, on a 390×844 phone and a 1,366×900 desktop, in chromium.

For each page: nothing sticks out of the viewport, the menu is closed until asked for, axe-core
finds no serious or critical violation, the page weighs ≤ 100 KB before images, every image is
sized. On a phone the work schedule, documents and contacts are cards (a table on a desktop).
The menu opens and closes with the keyboard and exposes its state to screen readers.
"""

import re
import uuid

import pytest
from django_tenants.utils import schema_context

from tests.sitepages.browsing import WeightMeter, axe_serious, overflowing, unsized_images
from tests.sitepages.helpers import school_base_url
from tests.sitepages.rich_site import rich_site_build
from tests.sitepages.test_browser import browser  # noqa: F401 — the shared chromium fixture

pytestmark = [pytest.mark.browser]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
MAX_BYTES = 100_000


@pytest.fixture
def rich_school(committed_schools, media_root):
    tag = uuid.uuid4().hex[:8]
    school = committed_schools(name=f"THCS Điện Thoại {tag}", domain=f"dien-thoai-{tag}.localhost")
    with schema_context(school.schema_name):
        urls = rich_site_build()
    return school, urls


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_every_page_type_fits_the_screen(browser, live_server, rich_school, viewport):  # noqa: F811
    school, urls = rich_school
    expected = {
        "WorkSchedulePage", "OfficialDocumentPage", "DocumentIndexPage", "ContactPage",
        "NewsPage", "WeeklyPlanPage", "LessonRegisterPage", "TimetablePage", "ProcedurePage",
        "DisclosurePage", "OrganisationPage", "FeedbackFormPage", "StandardPage", "AlbumPage",
    }  # fmt: skip
    assert expected <= set(urls), sorted(urls)
    base = school_base_url(school, live_server)
    page = browser.new_page(viewport=viewport, locale="vi-VN")
    meter = WeightMeter(page)
    problems = {}
    for name, url in urls.items():
        meter.reset()
        response = page.goto(base + url, wait_until="load")
        found = []
        if response.status != 200:
            found.append(f"status {response.status}")
        found += overflowing(page)
        if page.locator("details.nav[open]").count() or not page.locator("details.nav").count():
            found.append("menu not closed")
        if page.locator("details.nav a").first.is_visible():
            found.append("menu links visible while closed")
        if meter.bytes > MAX_BYTES:
            found.append(f"{meter.bytes} bytes")
        found += [f"unsized image {src}" for src in unsized_images(page)]
        found += axe_serious(page)
        if found:
            problems[f"{name} {url}"] = found
    page.close()
    assert problems == {}


def test_phone_shows_cards_and_desktop_tables(browser, live_server, rich_school):  # noqa: F811
    school, urls = rich_school
    base = school_base_url(school, live_server)
    phone = browser.new_page(viewport=PHONE, locale="vi-VN")
    desktop = browser.new_page(viewport=DESKTOP, locale="vi-VN")
    for name in ("WorkSchedulePage", "DocumentIndexPage", "ContactPage"):
        for page in (phone, desktop):
            page.goto(base + urls[name])
        assert phone.locator("main table:visible").count() == 0, name
        assert phone.locator("main .card:visible").count() >= 1, name
        assert desktop.locator("main .card:visible").count() == 0, name
        assert desktop.locator("main table:visible").count() == 1, name
    phone.goto(base + urls["WorkSchedulePage"])
    headings = phone.locator("main .day h2").all_inner_texts()
    assert headings and headings[0].startswith("Thứ Hai ") and headings[0][-3] == "/"
    phone.goto(base + urls["ContactPage"])
    calls = phone.locator("main .card a[href^='tel:']")
    assert calls.first.get_attribute("href") == "tel:02343822124"
    box = calls.first.bounding_box()
    assert box["height"] >= 44  # a thumb-sized target
    assert phone.locator("main .card a[href^='mailto:']").count() >= 2
    phone.goto(base + urls["DocumentIndexPage"])
    assert re.search(r"PDF, 239[,.]\d\sKB", phone.locator("main .card").first.inner_text())
    phone.close()
    desktop.close()


def test_the_menu_opens_and_closes_with_the_keyboard(browser, live_server, rich_school):  # noqa: F811
    school, urls = rich_school
    page = browser.new_page(viewport=PHONE, locale="vi-VN")
    page.goto(school_base_url(school, live_server) + "/")
    # The first screen is content: the header takes less than a fifth of it.
    assert page.locator(".site-header").bounding_box()["height"] < PHONE["height"] / 5
    assert page.locator("main h1").bounding_box()["y"] < PHONE["height"] / 4
    cdp = page.context.new_cdp_session(page)

    def summary_expanded():
        """The state a screen reader announces for the menu's button (Chrome's AX tree)."""
        seen = []
        for node in cdp.send("Accessibility.getFullAXTree")["nodes"]:
            name = (node.get("name") or {}).get("value")
            props = {p["name"]: p["value"].get("value") for p in node.get("properties", [])}
            if name == "Danh mục" and "expanded" in props:
                return props["expanded"]
            if name == "Danh mục":
                seen.append((node.get("role"), props))
        raise AssertionError(f"no expandable node named Danh mục: {seen}")

    assert summary_expanded() is False
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "SUMMARY":
            break
    assert page.evaluate("document.activeElement.textContent.trim()") == "Danh mục"
    page.keyboard.press("Enter")
    assert page.locator("details.nav[open]").count() == 1
    assert summary_expanded() is True
    news = page.locator("details.nav a", has_text="Tin tức")
    assert news.is_visible()
    assert overflowing(page) == []
    for _ in range(4):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Tin tức":
            break
    assert page.evaluate("document.activeElement.textContent") == "Tin tức"
    page.keyboard.press("Enter")
    page.wait_for_url("**/tin-tuc/")
    assert page.locator("details.nav[open]").count() == 0
    page.keyboard.press("Tab")
    for _ in range(6):
        if page.evaluate("document.activeElement.tagName") == "SUMMARY":
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert page.locator("details.nav[open]").count() == 1
    page.keyboard.press("Space")
    assert page.locator("details.nav[open]").count() == 0
    page.close()
