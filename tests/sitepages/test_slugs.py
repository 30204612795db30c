"""Slugs: the admin's JavaScript and the server give the same readable ASCII slug."""

import unicodedata
import uuid

import pytest
from django.contrib.auth import get_user_model
from django_tenants.utils import schema_context

from sitepages import models as m
from sitepages.slugs import ascii_slug
from tests.sitepages.helpers import publish_child
from tests.sitepages.test_browser import browser  # noqa: F401  (the module's chromium)

TITLE = "Hội thi văn nghệ chào mừng 20/11"
SLUG = "hoi-thi-van-nghe-chao-mung-20-11"
# Every Vietnamese vowel with every tone, đ/Đ, decomposed text, separators, punctuation.
TITLES = [
    TITLE,
    "Kế hoạch tháng 11/2026",
    "ĐỔNG ĐA: Lễ tuyên dương học sinh giỏi",
    "Nghỉ học do bão – thông báo khẩn!",
    "Thời khóa biểu (HK II) áp dụng từ 05.01.2027",
    "à á ả ã ạ ă ằ ắ ẳ ẵ ặ â ầ ấ ẩ ẫ ậ è é ẻ ẽ ẹ ê ề ế ể ễ ệ",
    "ì í ỉ ĩ ị ò ó ỏ õ ọ ô ồ ố ổ ỗ ộ ơ ờ ớ ở ỡ ợ",
    "ù ú ủ ũ ụ ư ừ ứ ử ữ ự ỳ ý ỷ ỹ ỵ đ Đ",
    "Trường Hòa Bình – Thủy Khoá",
    unicodedata.normalize("NFD", "Hướng dẫn tuyển sinh lớp 6 năm học 2026–2027"),
    "  – Chào mừng ngày Nhà giáo Việt Nam  ",
    "Café & crème brûlée, Straße",
]


def test_server_slugs_keep_every_letter():
    assert ascii_slug(TITLE) == SLUG
    assert ascii_slug("ĐỔNG ĐA: Lễ tuyên dương") == "dong-da-le-tuyen-duong"
    assert ascii_slug("ự ữ ử ừ ứ ộ ệ") == "u-u-u-u-u-o-e"


@pytest.mark.django_db
def test_a_page_created_in_code_gets_the_same_slug(school):
    with schema_context(school.schema_name):
        page = publish_child(
            m.NewsIndexPage.objects.get(), m.NewsPage(title=TITLE, body="<p>Nội dung</p>")
        )
        assert page.slug == SLUG


@pytest.mark.browser
def test_the_admin_types_the_same_slug_as_the_server(browser, live_server, committed_schools):  # noqa: F811
    tag = uuid.uuid4().hex[:8]
    school = committed_schools(name=f"THCS Đường Dẫn {tag}", domain=f"duong-dan-{tag}.localhost")
    with schema_context(school.schema_name):
        get_user_model().objects.create_superuser("bientap", "bt@example.edu.vn", "mat-khau-9")
        news_id = m.NewsIndexPage.objects.get().pk
    port = live_server.url.rsplit(":", 1)[1]
    base = f"http://{school.provisioned.domain}:{port}"
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page.goto(base + "/admin/login/")
    page.fill("input[name=username]", "bientap")
    page.fill("input[name=password]", "mat-khau-9")
    page.click("button[type=submit]")
    page.wait_for_url(base + "/admin/")
    page.goto(f"{base}/admin/pages/add/sitepages/newspage/{news_id}/")
    # typed key by key, as an editor does: the slug follows the title
    page.locator("#id_title").press_sequentially(TITLE)
    page.locator("#id_title").blur()
    assert page.locator("#id_slug").input_value() == SLUG
    # the controller on the page, given each title, gives the server's slug
    browser_slugs = page.evaluate(
        """(titles) => {
            const slug = document.querySelector('#id_slug');
            const controller = window.wagtail.app.getControllerForElementAndIdentifier(slug, 'w-slug');
            return titles.map((title) => controller.urlify(
                {detail: {value: title}}, {ignoreUpdate: true, runFormat: true}));
        }""",
        TITLES,
    )
    assert browser_slugs == [ascii_slug(title) for title in TITLES]
    editor = page.locator(".public-DraftEditor-content").first
    editor.click()
    editor.type("Các lớp đăng ký tiết mục trước thứ Sáu.")
    page.wait_for_function("document.querySelector('input[name=body]').value.includes('thứ Sáu')")
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.locator("button[name=action-publish]").click()
    page.wait_for_url("**/admin/pages/**")
    with schema_context(school.schema_name):
        published = m.NewsPage.objects.get(title=TITLE)
        assert published.live and published.slug == SLUG
        url = published.url
    assert url == f"/tin-tuc/{SLUG}/"
    response = page.goto(base + url)
    assert response.status == 200 and TITLE in page.content()
    page.close()
