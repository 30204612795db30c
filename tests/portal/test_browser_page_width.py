"""No portal page is wider than the window at working width: only a table's own scroll box
scrolls sideways. An absolutely positioned screen-reader text inside the dashboard's scroll
box once escaped it and made the page 1,764 px wide at 1,366 px.

Chromium at 1,366×900 on the demo's map: a province department over two wards, the province's
admin seeing every school (so the "Cơ quan" column shows), schools of all three levels with a
month of results for every rule (every group column full), long names as offices write them."""

import uuid

import pytest

from tests.portal.test_browser import browser  # noqa: F401 — shared chromium
from tests.portal.test_browser_workplace import _base, _log_in

pytestmark = [pytest.mark.browser]
WIDTH = 1366
NAMES = (
    "Trường Mầm non Hoa Sen Phường Phong Điền",
    "Trường Tiểu học và Trung học cơ sở Nguyễn Tri Phương",
    "Trường Trung học cơ sở Phong Thái",
)
STATUSES = ("on_time", "late", "missing", "on_time", "pending")


@pytest.fixture
def province_map(transactional_db):
    from compliance.selectors import bundled_rulesets
    from portal.services.users import authority_user_create
    from tests.crafting import PASSWORD, crafted_school, evaluated, local, result
    from tests.factories import authority_make

    tag = uuid.uuid4().hex[:8]
    province = authority_make(
        code=f"so-{tag}", kind="province", name="Sở Giáo dục và Đào tạo thành phố Huế",
        portal_domain=f"so-{tag}.localhost",
    )  # fmt: skip
    rules = [
        (ruleset.id, rule.id) for ruleset in bundled_rulesets().values() for rule in ruleset.rules
    ]
    for ward in ("Phong Điền", "Phong Thái"):
        body = authority_make(
            kind="commune", parent=province, name=f"Ủy ban nhân dân phường {ward}"
        )
        for n, name in enumerate(NAMES):
            school = crafted_school(
                authority=body, name=f"{name} {ward}",
                levels=("preschool", "primary", "lower_secondary"),
            )  # fmt: skip
            for i, (ruleset_id, rule_id) in enumerate(rules):
                result(
                    school, ruleset=ruleset_id, rule=rule_id,
                    status=STATUSES[(i + n) % len(STATUSES)], due_at=local(2026, 10, 12, 12),
                )  # fmt: skip
            evaluated(school, category=("incomplete", "irregular", "compliant")[n])
    email = f"so-{tag}@so.gov.vn"
    authority_user_create(authority=province, email=email, role="admin", password=PASSWORD)
    return province, email


def test_the_pages_never_exceed_1366_pixels(browser, live_server, province_map):  # noqa: F811
    province, email = province_map
    base = _base(live_server, province)
    page = browser.new_page(locale="vi-VN", viewport={"width": WIDTH, "height": 900})
    _log_in(page, base, email)  # lands on the dashboard
    page.locator("table.dash").wait_for()
    assert page.locator("table.dash thead th", has_text="Cơ quan").count() == 1
    page.screenshot(path="/tmp/portal-dashboard-1366.png", full_page=False)
    widths = {"/": page.evaluate("document.documentElement.scrollWidth")}
    # a specialist opens every group's detail: the page still keeps to the window
    for summary in page.locator("table.dash td.grp-cell summary").all()[:10]:
        summary.click()
    widths["/ (detail open)"] = page.evaluate("document.documentElement.scrollWidth")
    for path in ("/thi-dua/", "/quan-ly/", "/quan-ly/quy-dinh/", "/quan-ly/nguoi-dung/"):
        page.goto(f"{base}{path}")
        widths[path] = page.evaluate("document.documentElement.scrollWidth")
    assert all(width <= WIDTH for width in widths.values()), widths
    # what does not fit scrolls inside the table's own box
    page.goto(f"{base}/")
    wrap = page.locator(".dash-wrap")
    assert wrap.evaluate("el => getComputedStyle(el).overflowX") == "auto"
    # ... a named region a keyboard user can reach and scroll with the arrow keys
    assert wrap.get_attribute("role") == "region" and wrap.get_attribute("aria-label")
    page.keyboard.press("Tab")
    for _ in range(60):
        if page.evaluate("document.activeElement.classList.contains('dash-wrap')"):
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('dash-wrap')")
    page.close()
