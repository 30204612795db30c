"""An editor types an impossible date into the admin's date-time fields, in Debian's chromium.

Wagtail's picker (jQuery datetimepicker) used to rewrite what was typed when the field lost
focus: `31/02/2026 08:30` became `03/03/2026 08:30` (its date parser rolls over) and a
month-first `13/25/2026 08:30` became the current moment, and the form then saved that other
date without a word. Now what is typed stays (sitepages/static/sitepages/js/date-picker.js) and
the server refuses it with a sentence naming the day (tenants/date_fields.py).
"""

import datetime as dt

import pytest
from django_tenants.utils import schema_context

from sitepages import models as m
from tenants.dates import LOCAL_TZ
from tests.sitepages.helpers import draftail_saved
from tests.sitepages.test_browser import browser  # noqa: F401 — the shared chromium fixture
from tests.sitepages.test_date_picker import _log_in, school_with_editor  # noqa: F401

pytestmark = [pytest.mark.browser]


def _type_date(page, field, text):
    """Type `text` into a date-time field as a person does, then leave the field."""
    field.click()
    field.press("Control+A")
    field.press_sequentially(text)
    page.keyboard.press("Tab")
    page.wait_for_timeout(300)


def _save_draft(page):
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.locator("footer button.action-save").click()
    page.wait_for_load_state("networkidle")


def _field_error(page, name):
    return page.locator(f"[data-field-wrapper]:has(input[name={name}]) .error-message")


def test_an_impossible_received_time_is_refused_by_name_never_rewritten(
    browser,  # noqa: F811
    live_server,
    school_with_editor,  # noqa: F811
):
    school, username, news_index = school_with_editor("vi")
    port = live_server.url.rsplit(":", 1)[1]
    base = f"http://{school.provisioned.domain}:{port}"
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    _log_in(page, base, username)

    page.goto(f"{base}/admin/pages/add/sitepages/newspage/{news_index}/")
    page.fill("#id_title", "Nghỉ học do bão")
    page.select_option("#id_kind", "urgent")
    editor = page.locator(".public-DraftEditor-content").first
    editor.click()
    editor.type("Học sinh nghỉ học ngày mai.")
    draftail_saved(page, "ngày mai")
    received = page.locator("#id_received_at")

    # 31 February: kept as typed (the picker used to write 03/03/2026), refused on save.
    _type_date(page, received, "31/02/2026 08:30")
    assert received.input_value() == "31/02/2026 08:30"
    _save_draft(page)
    page.screenshot(path="var/test-date-typing-february.png")
    assert "/add/" in page.url  # nothing saved
    # One message, naming the day (not also "an urgent notice must record when it came").
    error = _field_error(page, "received_at")
    assert error.inner_text().strip() == (
        "Ngày 31/02/2026 không có thật: tháng 2/2026 chỉ có 28 ngày."
    )
    assert page.locator("#id_received_at").input_value() == "31/02/2026 08:30"

    # Month first: kept as typed (the picker used to write the current moment), refused.
    received = page.locator("#id_received_at")
    _type_date(page, received, "13/25/2026 08:30")
    assert received.input_value() == "13/25/2026 08:30"
    _save_draft(page)
    assert "/add/" in page.url
    assert "không có tháng 25" in _field_error(page, "received_at").inner_text()
    with schema_context(school.schema_name):
        assert not m.NewsPage.objects.filter(title="Nghỉ học do bão").exists()

    # A real moment typed the same way is kept and saved.
    received = page.locator("#id_received_at")
    _type_date(page, received, "29/11/2026 08:30")
    assert received.input_value() == "29/11/2026 08:30"
    _save_draft(page)
    page.wait_for_url("**/edit/")
    with schema_context(school.schema_name):
        news = m.NewsPage.objects.get(title="Nghỉ học do bão")
    assert news.received_at == dt.datetime(2026, 11, 29, 8, 30, tzinfo=LOCAL_TZ)

    # A go-live moment typed in the scheduling dialog: 31/02 refused, nothing scheduled.
    page.click("[data-side-panel-toggle=status]")
    page.locator("[data-a11y-dialog-show=schedule-publishing-dialog]:visible").first.click()
    dialog = page.locator("#schedule-publishing-dialog")
    dialog.wait_for()
    go_live = dialog.locator("input[name=go_live_at]")
    _type_date(page, go_live, "31/02/2027 07:00")
    # Tab went on to the expiry field, whose picker covers the button: click beside it.
    dialog.locator("h2, h1").first.click()
    page.locator(".xdsoft_datetimepicker:visible").first.wait_for(state="hidden")
    assert go_live.input_value() == "31/02/2027 07:00"
    dialog.locator("button[type=submit]").first.click()
    page.wait_for_load_state("networkidle")
    # The status panel says the schedule is invalid; its "fix" link opens the dialog on the
    # field's message, with what was typed.
    page.locator("[data-a11y-dialog-show=schedule-publishing-dialog]:visible").first.click()
    dialog = page.locator("#schedule-publishing-dialog")
    dialog.wait_for()
    page.screenshot(path="var/test-date-typing-go-live.png")
    assert "Ngày 31/02/2027 không có thật: tháng 2/2027 chỉ có 28 ngày." in dialog.inner_text()
    assert dialog.locator("input[name=go_live_at]").input_value() == "31/02/2027 07:00"
    with schema_context(school.schema_name):
        news.refresh_from_db()
        assert news.go_live_at is None
    page.close()
