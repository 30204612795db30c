"""The school's weekly routine in the real admin (chromium), counted in clicks.

An editor (the "Biên tập viên" role, Vietnamese browser) does a week's work: this week's plan
copied from last week's, the work schedule from the office's Word file, the lesson register
from a teacher's Excel file, two news items (one with three photos), each sent to the principal;
the principal then approves everything from the admin home. Every click and every keystroke
that is not content (titles, text, alt text are content) is counted per task; logging in is
counted apart. The figures are printed (`pytest -s`) and held to the issue's goal: the whole
routine in at most 30 clicks.

Before this work (measured by hand in the same admin, issue 12): weekly plan 4 clicks + typing
the title, news with a photo ~10, a document ~9; a 15-line work schedule was 15 blocks of 6
fields typed one by one.
"""

import datetime as dt
import re
import uuid
from collections import Counter
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django_tenants.utils import schema_context

from sitepages import models as m
from sitepages.calendar import local_today, monday_of
from sitepages.roles import EDITOR_GROUP, PRINCIPAL_GROUP
from tests.sitepages.conftest import png_file
from tests.sitepages.helpers import draftail_saved, publish_child
from tests.sitepages.test_browser import browser  # noqa: F401 — the shared chromium fixture

pytestmark = [pytest.mark.browser]

FIXTURES = Path(__file__).parent / "fixtures"
GOAL_CLICKS = 30
DOCUMENT = "văn bản (ngoài thói quen tuần)"


def _member(username, group, *, family, given, email):
    user = get_user_model().objects.create_user(
        username=username,
        email=email,
        password="mat-khau-9",
        first_name=family,
        last_name=given,
    )
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def routine_school(committed_schools, media_root):
    """A school with its two roles and last week's weekly plan, published."""
    tag = uuid.uuid4().hex[:8]
    school = committed_schools(name=f"THCS Thói Quen {tag}", domain=f"thoi-quen-{tag}.localhost")
    last_monday = monday_of(local_today()) - dt.timedelta(days=7)
    with schema_context(school.schema_name):
        principal = _member(
            "hieutruong", PRINCIPAL_GROUP, family="Nguyễn Thị", given="Lan", email="ht@example.vn"
        )
        editor = _member(
            "bientap", EDITOR_GROUP, family="Trần Văn", given="Bình", email="bt@example.vn"
        )
        publish_child(
            m.PlanIndexPage.objects.get(),
            m.WeeklyPlanPage(
                title="Kế hoạch tuần trước",
                week_start=last_monday,
                body=(
                    f"<p>Thứ Hai {last_monday:%d/%m}: chào cờ đầu tuần.</p>"
                    f"<p>Thứ Năm {last_monday + dt.timedelta(days=3):%d/%m/%Y}: họp tổ.</p>"
                ),
            ),
            user=principal,
        )
    return school, editor, principal, last_monday


class Meter:
    """Clicks and non-content keystrokes, per task."""

    def __init__(self, page):
        self.page = page
        self.task = "đăng nhập"
        self.clicks: Counter = Counter()
        self.keys: Counter = Counter()

    def click(self, locator):
        self.clicks[self.task] += 1
        locator.click()

    def choose_files(self, locator, paths):
        """A file dialog is one click, however many files are picked in it."""
        self.clicks[self.task] += 1
        locator.set_input_files(paths)

    def type_other(self, locator, text):
        """Typing that is not content (a login): every key counts."""
        self.clicks[self.task] += 1
        locator.click()
        self.keys[self.task] += len(text)
        locator.type(text)

    def type_content(self, locator, text):
        """Clicking into a field counts; the content typed does not."""
        self.click(locator)
        locator.type(text)


def _login(page, meter, base, username):
    page.goto(base + "/admin/login/")
    meter.type_other(page.locator("input[name=username]"), username)
    meter.type_other(page.locator("input[name=password]"), "mat-khau-9")
    meter.click(page.locator("button[type=submit]"))
    page.wait_for_url(base + "/admin/")


def _quick(page, label):
    return page.locator("[aria-labelledby=thao-tac-nhanh-tieu-de]").get_by_role(
        "button", name=re.compile(f"^{label}")
    )


def _submit(page, meter, base):
    """The footer's main button: "Gửi Hiệu trưởng duyệt" for an editor; then the home."""
    button = page.locator("footer button[name=action-submit]")
    assert "duyệt" in button.inner_text()
    # Wagtail 8 autosaves a new page (creating it) half a second after typing stops; sending
    # the form while that request is under way posts the create form a second time and is
    # refused ("slug already used"). A person reaching for the button gives it that time.
    page.wait_for_load_state("networkidle")
    meter.click(button)
    try:
        page.wait_for_url(base + "/admin/")
    except Exception:
        errors = page.locator(
            ".error-message, .messages, .help-critical, .w-field__errors, [role=alert]"
        ).all_inner_texts()
        page.screenshot(path="/tmp/routine-fail.png", full_page=True)
        raise AssertionError(f"not sent: {page.url} {errors}") from None


def test_the_weekly_routine_in_at_most_30_clicks(browser, live_server, routine_school, tmp_path):  # noqa: F811
    school, editor, principal, last_monday = routine_school
    monday = last_monday + dt.timedelta(days=7)
    port = live_server.url.rsplit(":", 1)[1]
    base = f"http://{school.provisioned.domain}:{port}"
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    meter = Meter(page)
    _login(page, meter, base, "bientap")
    assert "Thao tác nhanh" in page.content()

    # 1. This week's plan, copied from last week's: the editor adds one line.
    meter.task = "kế hoạch tuần"
    meter.click(_quick(page, "Kế hoạch tuần"))
    page.wait_for_url("**/edit/")
    assert "từ tuần trước" in page.content()
    editor_box = page.locator(".public-DraftEditor-content").first
    meter.type_content(editor_box, " Thứ Sáu: kiểm tra nề nếp.")
    draftail_saved(page, "nề nếp")
    _submit(page, meter, base)

    # 2. The work schedule from the office's Word file.
    meter.task = "lịch công tác (DOCX)"
    meter.click(_quick(page, "Lịch công tác tuần"))
    page.wait_for_url("**/edit/")
    meter.choose_files(
        page.locator("input[name=import_file]"), str(FIXTURES / "lich-cong-tac-tuan.docx")
    )
    _submit(page, meter, base)
    assert "Đã điền 9 dòng từ bảng" in page.content()

    # 3. The lesson register from a teacher's Excel file.
    meter.task = "lịch báo giảng (XLSX)"
    meter.click(_quick(page, "Lịch báo giảng tuần"))
    page.wait_for_url("**/edit/")
    meter.choose_files(
        page.locator("input[name=import_file]"), str(FIXTURES / "lich-bao-giang.xlsx")
    )
    _submit(page, meter, base)
    assert "Đã điền 6 dòng từ bảng" in page.content()

    # 4. A news item.
    meter.task = "tin tức"
    meter.click(page.get_by_role("link", name="Đăng tin mới"))
    page.wait_for_url("**/add/**")
    meter.type_content(page.locator("input[name=title]"), "Hội thi kể chuyện theo sách")
    meter.type_content(
        page.locator(".public-DraftEditor-content").first, "Học sinh khối 6 kể chuyện."
    )
    draftail_saved(page, "khối 6")
    _submit(page, meter, base)

    # 5. A news item with three photos, chosen at once.
    meter.task = "tin tức có 3 ảnh"
    photos = []
    for number, colour in enumerate(((200, 40, 40), (40, 160, 60), (40, 60, 200)), start=1):
        path = tmp_path / f"anh-{number}.png"
        path.write_bytes(png_file(path.name, size=(640, 400), colour=colour).read())
        photos.append(str(path))
    meter.click(page.get_by_role("link", name="Đăng tin mới"))
    page.wait_for_url("**/add/**")
    meter.type_content(page.locator("input[name=title]"), "Trồng cây xanh sân trường")
    meter.type_content(
        page.locator(".public-DraftEditor-content").first, "Đoàn Đội tổ chức trồng cây."
    )
    meter.choose_files(page.locator("input[name=photos]"), photos)
    meter.type_content(page.locator("input[name=photos_alt]"), "Học sinh trồng cây")
    draftail_saved(page, "trồng")
    _submit(page, meter, base)

    # Not part of the weekly routine, measured beside it: an official document with its file.
    meter.task = DOCUMENT
    meter.click(page.get_by_role("link", name="Thêm văn bản"))
    page.wait_for_url("**/add/**")
    meter.type_content(page.locator("input[name=number]"), "45/KH-THCS")
    meter.type_content(page.locator("input[name=issuer]"), "Trường THCS Thói Quen")
    meter.type_content(page.locator("textarea[name=summary]"), "Kế hoạch tổ chức hội thi")
    meter.click(page.locator("input[name=issued_on]"))  # its date picker opens: typing wins
    page.locator("input[name=issued_on]").fill(f"{monday:%d/%m/%Y}")
    pdf = tmp_path / "ke-hoach-45.pdf"
    pdf.write_bytes(b"%PDF-1.4 ke hoach hoi thi")
    meter.choose_files(page.locator("input[name=file_upload]"), str(pdf))
    _submit(page, meter, base)
    page.close()

    with schema_context(school.schema_name):
        document = m.OfficialDocumentPage.objects.get()
        assert document.title == "45/KH-THCS – Kế hoạch tổ chức hội thi"
        assert document.file.filename.startswith("ke-hoach-45")
        plan = m.WeeklyPlanPage.objects.get(week_start=monday).get_latest_revision_as_object()
        assert f"Thứ Hai {monday:%d/%m}" in plan.body and "nề nếp" in plan.body
        schedule = m.WorkSchedulePage.objects.get(week_start=monday)
        assert len(schedule.get_latest_revision_as_object().entries) == 9
        register = m.LessonRegisterPage.objects.get(week_start=monday)
        assert len(register.get_latest_revision_as_object().lessons) == 6
        news = m.NewsPage.objects.get(title="Trồng cây xanh sân trường")
        assert len(news.get_latest_revision_as_object().gallery) == 3
        assert m.NewsPage.objects.filter(live=False).count() == 2

    # 6. The principal approves the five pages from the admin home, one click each.
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    meter.page, meter.task = page, "đăng nhập hiệu trưởng"
    _login(page, meter, base, "hieutruong")
    meter.task = "hiệu trưởng duyệt"
    mail.outbox.clear()
    for number in range(6):
        meter.task = "hiệu trưởng duyệt" if number < 5 else DOCUMENT  # oldest request first
        meter.click(page.get_by_role("button", name="Duyệt và đăng").first)
        page.wait_for_load_state("load")
    assert "Chờ Hiệu trưởng duyệt" not in page.content()
    with schema_context(school.schema_name):
        assert m.WeeklyPlanPage.objects.get(week_start=monday).live
        assert m.WorkSchedulePage.objects.get(week_start=monday).live
        assert m.LessonRegisterPage.objects.get(week_start=monday).live
        assert m.NewsPage.objects.filter(live=True).count() == 2
        schedule_url = m.WorkSchedulePage.objects.get(week_start=monday).url
        news_url = m.NewsPage.objects.get(title="Trồng cây xanh sân trường").url
        assert m.OfficialDocumentPage.objects.get().live
    approved = [message for message in mail.outbox if editor.email in message.to]
    assert len(approved) == 6 and all("đã được duyệt" in message.body for message in approved)
    page.goto(base + schedule_url)
    assert "Chào cờ đầu tuần" in page.content() and "lich-cong-tac-tuan" in page.content()
    page.goto(base + news_url)
    assert page.locator("img[alt^='Học sinh trồng cây']").count() == 3
    page.close()

    outside = ("đăng nhập", DOCUMENT)
    routine = {t: n for t, n in meter.clicks.items() if not any(o in t for o in outside)}
    keys = {t: n for t, n in meter.keys.items() if not any(o in t for o in outside)}
    print("\nClicks per task (logging in apart):", routine, "non-content keys:", keys)
    print("Logging in:", {t: (meter.clicks[t], meter.keys[t]) for t in meter.clicks if "đăng" in t})
    print("Whole routine:", sum(routine.values()), "clicks; a document:", meter.clicks[DOCUMENT])
    assert sum(keys.values()) == 0
    assert routine["kế hoạch tuần"] <= 3 and routine["tin tức có 3 ảnh"] <= 6
    assert sum(routine.values()) <= GOAL_CLICKS
    assert meter.clicks[DOCUMENT] <= 9 - 1  # before: ~9 for the editor alone


def test_the_news_form_shows_urgent_fields_only_for_urgent_notices(
    browser,  # noqa: F811
    live_server,
    routine_school,
):
    school, *_ = routine_school
    port = live_server.url.rsplit(":", 1)[1]
    base = f"http://{school.provisioned.domain}:{port}"
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    meter = Meter(page)
    _login(page, meter, base, "bientap")
    page.get_by_role("link", name="Đăng tin mới").click()
    page.wait_for_url("**/add/**")
    received = page.locator("input[name=received_at]")
    assert not received.is_visible() and not page.locator("input[name=urgent_until]").is_visible()
    page.select_option("select[name=kind]", "urgent")
    assert received.is_visible()
    page.select_option("select[name=kind]", "topical")
    assert not received.is_visible()
    # "Thông báo khẩn" opens the form as an urgent notice received now.
    page.goto(base + "/admin/")
    page.get_by_role("link", name="Thông báo khẩn").click()
    page.wait_for_url("**/thong-bao-khan/")
    assert page.locator("select[name=kind]").input_value() == "urgent"
    assert received.is_visible() and received.input_value() != ""
    page.close()
