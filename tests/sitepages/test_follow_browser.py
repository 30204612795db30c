"""The parents' pages this work added, in chromium on a 390×844 phone: nothing wider than the
screen, axe-core finds no serious or critical violation, ≤ 100 KB before images."""

import uuid

import pytest

from tests.sitepages.browsing import WeightMeter, axe_serious, overflowing
from tests.sitepages.test_browser import browser  # noqa: F401 — the shared chromium fixture

pytestmark = [pytest.mark.browser]
PHONE = {"width": 390, "height": 844}
MAX_BYTES = 100_000


@pytest.fixture
def phone_school(committed_schools):
    tag = uuid.uuid4().hex[:8]
    return committed_schools(name=f"THCS Theo Dõi {tag}", domain=f"theo-doi-{tag}.localhost")


def _base(school, live_server) -> str:
    return f"http://{school.provisioned.domain}:{live_server.url.rsplit(':', 1)[1]}"


def _problems(page, meter) -> list[str]:
    found = overflowing(page) + axe_serious(page)
    if meter.bytes > MAX_BYTES:
        found.append(f"{meter.bytes} bytes")
    return found


def test_the_follow_page_on_a_phone(browser, live_server, phone_school):  # noqa: F811
    base = _base(phone_school, live_server)
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
