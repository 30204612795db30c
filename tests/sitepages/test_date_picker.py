"""An editor picks dates with the admin's own date-time picker in Debian's chromium.

In Vietnamese (the default) and as an editor who chose English: an urgent notice received at
29/11 08:30, picked in the picker, saved as a draft, reopened, published, is stored as
29/11/2026 08:30 Asia/Ho_Chi_Minh; a go-live moment picked in the scheduling dialog is stored as
picked. Before the format modules, the picker wrote `29/11/2026 08:30`, which the form refused,
and a day up to the 12th was stored with day and month swapped; the picker listed whole hours
only, so 08:30 could not be picked at all.
"""

import datetime as dt
import uuid

import pytest
from django.utils import timezone
from django_tenants.utils import schema_context

from sitepages import models as m
from tenants.dates import LOCAL_TZ
from tests.sitepages.helpers import draftail_saved
from tests.sitepages.test_browser import browser  # noqa: F401 — the shared chromium fixture

pytestmark = [pytest.mark.browser]

PASSWORD = "mat-khau-bien-tap-9"
RECEIVED = dt.datetime(2026, 11, 29, 8, 30, tzinfo=LOCAL_TZ)


def _go_live_moment() -> dt.datetime:
    """The 5th of next month at 07:15: always ahead, and a day that reads as a month too."""
    today = timezone.localdate()
    first_next = (today.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    return dt.datetime(first_next.year, first_next.month, 5, 7, 15, tzinfo=LOCAL_TZ)


@pytest.fixture
def school_with_editor(committed_schools):
    from django.contrib.auth import get_user_model
    from wagtail.users.models import UserProfile

    tag = uuid.uuid4().hex[:8]
    school = committed_schools(name=f"THCS Ngày Giờ {tag}", domain=f"ngay-gio-{tag}.localhost")

    def make(language):
        with schema_context(school.schema_name):
            user = get_user_model().objects.create_superuser(
                f"bientap-{language}", f"{language}@example.edu.vn", PASSWORD
            )
            profile = UserProfile.get_for_user(user)
            profile.preferred_language = language
            profile.save()
            news_index = m.NewsIndexPage.objects.get().pk
        return school, user.username, news_index

    return make


def _log_in(page, base, username):
    page.goto(base + "/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(base + "/admin/")


def _pick(page, field, moment: dt.datetime):
    """Pick `moment` in the picker of input `field`: click the input, go to the month, click
    the day, then scroll the time list to the time and click it (the picker may close after
    the day: open it again)."""
    field.click()
    picker = page.locator(".xdsoft_datetimepicker:visible")
    picker.wait_for()
    day = picker.locator(
        f"td.xdsoft_date[data-date='{moment.day}'][data-month='{moment.month - 1}']"
        f"[data-year='{moment.year}']"
    )
    target = (moment.year, moment.month)
    for _ in range(24):
        if day.count():
            break
        shown = picker.locator("td.xdsoft_date:not(.xdsoft_other_month)").first
        shown_month = (
            int(shown.get_attribute("data-year")),
            int(shown.get_attribute("data-month")) + 1,
        )
        picker.locator(".xdsoft_next" if shown_month < target else ".xdsoft_prev").first.click()
    day.first.click()
    if not page.locator(".xdsoft_datetimepicker:visible").count():
        field.click()
        picker.wait_for()
    time = picker.locator(f".xdsoft_time[data-hour='{moment.hour}'][data-minute='{moment.minute}']")
    # The time list has its own scroller: move it with its arrows until the time shows.
    times = picker.locator(".xdsoft_timepicker .xdsoft_time_box")
    for _ in range(100):
        shown, wanted = times.bounding_box(), time.bounding_box()
        if wanted["y"] < shown["y"]:
            picker.locator(".xdsoft_timepicker .xdsoft_prev").click()
        elif wanted["y"] + wanted["height"] > shown["y"] + shown["height"]:
            picker.locator(".xdsoft_timepicker .xdsoft_next").click()
        else:
            break
    time.click()
    picker.wait_for(state="hidden")  # a picked time closes the picker


def _save_draft(page):
    # "Xuất bản" is the footer's main button; "Lưu nháp" is in its menu.
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.locator("footer button.action-save").click()
    page.wait_for_load_state("networkidle")


def _publish(page):
    # The main button; after publishing the editor is back on the admin home.
    page.locator("footer button[name=action-publish]").click()
    page.wait_for_url("**/admin/")
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("language", ["vi", "en"])
def test_an_editor_picks_a_received_time_and_a_go_live_moment(
    browser,  # noqa: F811
    live_server,
    school_with_editor,
    language,
):
    school, username, news_index = school_with_editor(language)
    with schema_context(school.schema_name):
        holiday = m.NewsPage(title="Lịch nghỉ Tết", body="<p>Nghỉ Tết từ 9/2.</p>", live=False)
        m.NewsIndexPage.objects.get().add_child(instance=holiday)
        holiday.save_revision()
    port = live_server.url.rsplit(":", 1)[1]
    base = f"http://{school.provisioned.domain}:{port}"
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    _log_in(page, base, username)
    assert page.locator("html").get_attribute("lang") == language

    # An urgent notice received at 29/11 08:30: picked, saved as a draft, reopened, published.
    page.goto(f"{base}/admin/pages/add/sitepages/newspage/{news_index}/")
    page.fill("#id_title", "Nghỉ học do bão")
    page.select_option("#id_kind", "urgent")
    editor = page.locator(".public-DraftEditor-content").first
    editor.click()
    editor.type("Học sinh nghỉ học ngày mai.")
    draftail_saved(page, "ngày mai")
    received = page.locator("#id_received_at")
    _pick(page, received, RECEIVED)
    assert received.input_value() == "29/11/2026 08:30"

    _save_draft(page)
    page.wait_for_url("**/edit/")
    assert not page.locator(".error-message").count(), page.inner_text("main")[:2000]
    edit_url = page.url
    with schema_context(school.schema_name):
        news = m.NewsPage.objects.get(title="Nghỉ học do bão")
        assert not news.live
        assert news.received_at == RECEIVED

    page.goto(edit_url)  # reopen
    assert page.locator("#id_received_at").input_value() == "29/11/2026 08:30"
    _publish(page)
    with schema_context(school.schema_name):
        news.refresh_from_db()
    assert news.live
    assert news.received_at == RECEIVED
    assert news.received_at.astimezone(LOCAL_TZ).strftime("%d/%m/%Y %H:%M") == "29/11/2026 08:30"

    # A go-live moment picked in the scheduling dialog, saved, reopened, then scheduled.
    go_live = _go_live_moment()
    page.goto(f"{base}/admin/pages/{holiday.pk}/edit/")
    page.click("[data-side-panel-toggle=status]")
    page.locator("[data-a11y-dialog-show=schedule-publishing-dialog]:visible").first.click()
    dialog = page.locator("#schedule-publishing-dialog")
    dialog.wait_for()
    field = dialog.locator("input[name=go_live_at]")
    _pick(page, field, go_live)
    assert field.input_value() == go_live.strftime("%d/%m/%Y %H:%M")
    # The dialog's own button saves the schedule with a draft.
    dialog.locator("button[type=submit]").first.click()
    page.wait_for_load_state("networkidle")
    assert not page.locator(".error-message").count(), page.inner_text("main")[:2000]
    with schema_context(school.schema_name):
        holiday.refresh_from_db()
    assert holiday.go_live_at == go_live

    page.goto(f"{base}/admin/pages/{holiday.pk}/edit/")  # reopen
    assert page.locator("input[name=go_live_at]").input_value() == go_live.strftime(
        "%d/%m/%Y %H:%M"
    )
    _publish(page)
    with schema_context(school.schema_name):
        holiday.refresh_from_db()
        scheduled = holiday.scheduled_revision
    assert not holiday.live  # it waits for its moment
    assert scheduled is not None and scheduled.approved_go_live_at == go_live
    page.close()
