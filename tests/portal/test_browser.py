"""The portal in Debian's chromium: an authority admin logs in, filters the dashboard, opens a
school, downloads the monthly report as XLSX; axe-core finds nothing serious on any page.

Marked `browser`. The data is committed (pytest-django's live_server runs in another thread);
the schools are public-schema rows without schemas, so the flush after the test removes all of
it, and the authority's host is unique per run.
"""

import os
import uuid

import pytest
from openpyxl import load_workbook
from playwright.sync_api import sync_playwright

from portal.services import authority_user_create
from reports.generation import monthly_report_generate, monthly_report_publish
from tests.crafting import PASSWORD, month_of_each_category
from tests.factories import authority_make

pytestmark = [pytest.mark.browser]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip


@pytest.fixture
def browser(monkeypatch):
    # Playwright's sync API keeps an event loop running in this thread; the ORM calls made
    # between page loads are ordinary synchronous code.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def portal(transactional_db):
    tag = uuid.uuid4().hex[:8]
    authority = authority_make(
        code=f"pgd-tr-{tag}", name="Phòng GD&ĐT Trình Duyệt", portal_domain=f"pgd-{tag}.localhost"
    )
    schools = month_of_each_category(authority)
    report = monthly_report_generate(authority=authority, month="2026-10").report
    monthly_report_publish(report=report, published_by="setup")
    email = f"quantri-{tag}@pgd.edu.vn"
    authority_user_create(authority=authority, email=email, role="admin", password=PASSWORD)
    return authority, schools, email


def _axe_serious(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    assert results.response["testEngine"]["name"] == "axe-core"
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_an_admin_logs_in_filters_opens_a_school_and_downloads_the_xlsx(
    browser, live_server, portal, tmp_path
):
    authority, schools, email = portal
    port = live_server.url.rsplit(":", 1)[1]
    base = f"http://{authority.portal_domain}:{port}"
    page = browser.new_page(locale="vi-VN", accept_downloads=True)

    page.goto(f"{base}/")
    assert "Danh sách công khai hằng tháng" in page.content()
    assert _axe_serious(page) == []
    page.get_by_role("link", name="Đăng nhập").click()
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"{base}/")
    assert (
        page.get_by_role("heading", level=1).inner_text().startswith("Tình hình cập nhật website")
    )
    table = page.locator("table[aria-describedby]")
    assert table.locator("tbody tr").count() == 4
    assert _axe_serious(page) == []

    page.get_by_label("Xếp loại tháng").select_option("incomplete")
    page.get_by_role("button", name="Lọc").click()
    page.wait_for_url("**xep_loai=incomplete**")
    rows = table.locator("tbody tr")
    assert rows.count() == 1
    assert schools["incomplete"].name in rows.first.inner_text()
    assert "cập nhật thiếu" in rows.first.inner_text()

    page.get_by_role("link", name=schools["incomplete"].name).click()
    page.wait_for_url(f"**/truong/{schools['incomplete'].code}/")
    assert page.get_by_role("heading", level=1).inner_text() == schools["incomplete"].name
    page.get_by_label("Tháng (tháng/năm)").fill("10/2026")
    page.get_by_role("button", name="Xem").click()
    page.wait_for_url("**thang=10%2F2026")
    assert page.get_by_label("Tháng (tháng/năm)").input_value() == "10/2026"
    assert "Lịch công tác tuần" in page.locator("table").first.inner_text()
    assert _axe_serious(page) == []

    page.goto(f"{base}/bao-cao/2026-10/")
    assert _axe_serious(page) == []
    with page.expect_download() as download_info:
        page.get_by_role("link", name="XLSX").click()
    target = tmp_path / "bao-cao.xlsx"
    download_info.value.save_as(target)
    assert download_info.value.suggested_filename == f"bao-cao-{authority.code}-2026-10.xlsx"
    sheet = load_workbook(target)["Danh sách"]
    names = {row[2] for row in sheet.iter_rows(values_only=True) if row and row[0] and row[2]}
    assert {schools[k].name for k in ("did_not_update", "incomplete", "irregular")} <= names
    assert schools["compliant"].name not in names
    assert os.path.getsize(target) > 0
    page.close()
