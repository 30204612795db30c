"""The parents' pages this work added, in chromium on a 390×844 phone: nothing wider than the
screen, axe-core finds no serious or critical violation, ≤ 100 KB before images."""

import uuid

import pytest

from tests.sitepages.browsing import WeightMeter, axe_serious, overflowing
from tests.sitepages.helpers import school_base_url
from tests.sitepages.test_browser import browser  # noqa: F401 — the shared chromium fixture

pytestmark = [pytest.mark.browser]
PHONE = {"width": 390, "height": 844}
MAX_BYTES = 100_000


@pytest.fixture
def phone_school(committed_schools):
    tag = uuid.uuid4().hex[:8]
    return committed_schools(name=f"THCS Theo Dõi {tag}", domain=f"theo-doi-{tag}.localhost")


def _problems(page, meter) -> list[str]:
    found = overflowing(page) + axe_serious(page)
    if meter.bytes > MAX_BYTES:
        found.append(f"{meter.bytes} bytes")
    return found


def test_the_follow_page_on_a_phone(browser, live_server, phone_school):  # noqa: F811
    base = school_base_url(phone_school, live_server)
    page = browser.new_page(viewport=PHONE, locale="vi-VN")
    meter = WeightMeter(page)
    response = page.goto(base + "/theo-doi/", wait_until="load")
    assert response.status == 200
    assert _problems(page, meter) == []
    page.screenshot(path="var/screenshots-parents2-theo-doi.png", full_page=True)
    meter.reset()
    # the form without JavaScript's help: an empty address is answered on the same page
    page.locator("form.subscribe button[type=submit]").click()
    page.wait_for_load_state("load")
    assert page.locator("[role=alert]").first.is_visible()
    assert _problems(page, meter) == []
    page.close()


WEEK = ["Tiết", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"]
SUBJECTS = ["Toán", "Ngữ văn", "Tiếng Anh", "Khoa học tự nhiên", "Lịch sử và Địa lí"]


def test_a_class_timetable_on_a_phone(browser, live_server, phone_school):  # noqa: F811
    import datetime as dt

    from django_tenants.utils import schema_context

    from sitepages import models as m
    from tests.sitepages.helpers import publish_child

    rows = [WEEK] + [
        [str(period)] + [SUBJECTS[(period + day) % len(SUBJECTS)] for day in range(6)]
        for period in range(1, 6)
    ]
    with schema_context(phone_school.schema_name):
        page = publish_child(
            m.TimetableIndexPage.objects.get(),
            m.TimetablePage(
                title="Thời khóa biểu học kỳ 1",
                school_year_start=2026,
                semester=1,
                effective_from=dt.date(2026, 9, 7),
                classes=[
                    ("class_timetable", {"class_name": name, "table": {"data": rows}})
                    for name in ("6A", "6B", "7A", "7B", "8A", "9A")
                ],
            ),
        )
        url = page.get_url()
    base = school_base_url(phone_school, live_server)
    phone = browser.new_page(viewport=PHONE, locale="vi-VN")
    meter = WeightMeter(phone)
    phone.goto(base + url, wait_until="load")
    assert _problems(phone, meter) == []
    # picking a class is a plain GET form: no script needed
    phone.select_option("#chon-lop", "7B")
    meter.reset()
    phone.locator("form.class-pick button[type=submit]").click()
    phone.wait_for_load_state("load")
    assert phone.url.endswith("?lop=7B")
    assert phone.locator("main h2").first.inner_text() == "Thời khóa biểu lớp 7B"
    assert phone.locator("main table:visible").count() == 0
    assert phone.locator("main .card.day:visible").count() == 6
    assert _problems(phone, meter) == []
    phone.screenshot(path="var/screenshots-parents2-tkb-7b.png", full_page=True)
    phone.close()
