"""The admin's JavaScript makes the server's slug while a title is typed, in Debian's chromium.

Before `sitepages/slug_widget.py`, typing "Hội thi văn nghệ chào mừng 20/11" in the admin showed
`hi-thi-van-ngh-chao-mng-2011` in the Promote tab (Wagtail's urlify table has no ộ, ệ, ừ, đ)
until the server replaced it on save. Kept apart from test_slugs.py: a transactional browser
test after a test holding a transaction in the same run waits on its flush.
"""

import uuid

import pytest
from django.contrib.auth import get_user_model
from django_tenants.utils import schema_context
from playwright.sync_api import expect

from sitepages import models as m
from sitepages.slugs import ascii_slug
from tests.sitepages.helpers import draftail_saved
from tests.sitepages.test_browser import browser  # noqa: F401 — the shared chromium fixture
from tests.sitepages.test_slugs import SLUG, TITLE, TITLES

pytestmark = [pytest.mark.browser]

PASSWORD = "mat-khau-duong-dan-9"


def test_the_admin_shows_the_servers_slug_while_the_title_is_typed(
    browser,  # noqa: F811
    live_server,
    committed_schools,
):
    tag = uuid.uuid4().hex[:8]
    school = committed_schools(name=f"THCS Đường Dẫn {tag}", domain=f"duong-dan-{tag}.localhost")
    with schema_context(school.schema_name):
        get_user_model().objects.create_superuser("bientap", "bt@example.edu.vn", PASSWORD)
        news_id = m.NewsIndexPage.objects.get().pk
    port = live_server.url.rsplit(":", 1)[1]
    base = f"http://{school.provisioned.domain}:{port}"
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page.goto(base + "/admin/login/")
    page.fill("input[name=username]", "bientap")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(base + "/admin/")
    page.goto(f"{base}/admin/pages/add/sitepages/newspage/{news_id}/")

    # Key by key, as an editor types: the slug follows the title (Wagtail's sync waits 100 ms
    # after the last key, so the value is awaited, not read at once).
    title = page.locator("#id_title")
    slug_field = page.locator("#id_slug")
    title.press_sequentially("Hội thi")
    expect(slug_field).to_have_value("hoi-thi")
    title.press_sequentially(TITLE.removeprefix("Hội thi"))
    title.blur()
    expect(slug_field).to_have_value(SLUG)
    # What the editor reads in the Promote tab.
    page.get_by_role("tab", name="Quảng bá").click()
    slug_field.wait_for(state="visible")
    page.screenshot(path="var/test-slug-promote.png")
    assert slug_field.input_value() == SLUG
    # Leaving the slug field (its own blur → slugify) keeps it.
    slug_field.focus()
    slug_field.blur()
    assert slug_field.input_value() == SLUG

    # Wagtail's own controller on this page, given each title, gives the server's slug.
    browser_slugs = page.locator("#id_slug").evaluate(
        """(slug, titles) => {
            const controller = window.wagtail.app.getControllerForElementAndIdentifier(
                slug, 'w-slug');
            return titles.map((title) => controller.urlify(
                {detail: {value: title}}, {ignoreUpdate: true, runFormat: true}));
        }""",
        TITLES,
    )
    assert dict(zip(TITLES, browser_slugs, strict=True)) == {
        title: ascii_slug(title) for title in TITLES
    }

    # Saved as a draft: the stored slug is the one shown.
    page.get_by_role("tab", name="Nội dung").click()
    editor = page.locator(".public-DraftEditor-content").first
    editor.click()
    editor.type("Các lớp đăng ký tiết mục trước thứ Sáu.")
    draftail_saved(page, "thứ Sáu")
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.locator("footer button.action-save").click()
    page.wait_for_url("**/edit/")
    assert not page.locator(".error-message").count(), page.inner_text("main")[:2000]
    with schema_context(school.schema_name):
        draft = m.NewsPage.objects.get(title=TITLE)
        assert draft.slug == SLUG and not draft.live
        draft_id = draft.pk

    # Copying the page (Wagtail's copy form does not follow the title): a slug typed in
    # Vietnamese is cleaned the same way when the field is left.
    page.goto(f"{base}/admin/pages/{draft_id}/copy/")
    new_slug = page.locator("#id_new_slug")
    new_slug.fill("")
    new_slug.press_sequentially("Đại hội Liên đội")
    new_slug.blur()
    expect(new_slug).to_have_value("dai-hoi-lien-doi")
    page.close()
