"""The Wagtail admin works under the Content-Security-Policy, in Debian's chromium.

A principal logs in, walks the screens staff use and works in the page editor (types in the rich
text, adds a block, opens the side panels and the preview, saves a draft). Every CSP violation
the browser reports (the `securitypolicyviolation` event and its console error) fails the test,
as does a response without the policy.
"""

import json
import uuid

import pytest
from django_tenants.utils import schema_context

from sitepages import models as m
from sitepages.calendar import local_today, monday_of
from sitepages.roles import PRINCIPAL_GROUP
from tests.sitepages.helpers import publish_child
from tests.sitepages.test_browser import browser  # noqa: F401 — the shared chromium fixture

pytestmark = [pytest.mark.browser]
PASSWORD = "Mat-khau-hieu-truong-2026"
WATCH = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sourceFile || ''));
});
"""


@pytest.fixture
def principal_school(committed_schools, media_root):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    tag = uuid.uuid4().hex[:8]
    school = committed_schools(name=f"THCS Chính Sách {tag}", domain=f"csp-{tag}.localhost")
    with schema_context(school.schema_name):
        user = get_user_model().objects.create_user("hieutruong", "ht@truong.edu.vn", PASSWORD)
        user.groups.add(Group.objects.get(name=PRINCIPAL_GROUP))
        plan = publish_child(
            m.PlanIndexPage.objects.get(),
            m.WeeklyPlanPage(
                title="Kế hoạch tuần này",
                week_start=monday_of(local_today()),
                body="<p>Thứ Hai: chào cờ.</p>",
            ),
            user=user,
        )
        ids = {"plan": plan.id, "plans": plan.get_parent().id}
    return school, ids


def test_the_admin_and_its_page_editor_run_without_csp_violations(
    browser,  # noqa: F811
    live_server,
    principal_school,
):
    school, ids = principal_school
    port = live_server.url.rsplit(":", 1)[1]
    base = f"http://{school.provisioned.domain}:{port}"
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    context.add_init_script(WATCH)
    page = context.new_page()
    console = []
    page.on(
        "console",
        lambda message: (
            console.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    missing_policy = []
    page.on(
        "response",
        lambda response: (
            missing_policy.append(response.url)
            if response.request.resource_type == "document"
            and "content-security-policy" not in response.headers
            else None
        ),
    )
    violations = {}

    def visit(label, path=None, *, settle=True):
        if path is not None:
            response = page.goto(base + path)
            assert response.status == 200, path
        if settle:  # the preview panel refreshes itself: the network never idles there
            page.wait_for_load_state("networkidle")
        found = page.evaluate("window.__csp")
        if found:
            violations[label] = found

    visit("login", "/admin/login/")
    page.fill("input[name=username]", "hieutruong")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(base + "/admin/")
    visit("dashboard")
    for label, path in {
        "explorer": f"/admin/pages/{ids['plans']}/",
        "add a weekly plan": f"/admin/pages/add/sitepages/weeklyplanpage/{ids['plans']}/",
        "images": "/admin/images/",
        "image upload": "/admin/images/multiple/add/",
        "documents": "/admin/documents/",
        "users": "/admin/users/",
        "account": "/admin/account/",
    }.items():
        visit(label, path)

    visit("page editor", f"/admin/pages/{ids['plan']}/edit/")
    editor = page.locator(".Draftail-Editor [contenteditable=true]").first
    editor.click()
    page.keyboard.type(" Thứ Ba: họp tổ chuyên môn.")
    page.locator("button.c-sf-add-button").first.click()
    page.wait_for_timeout(300)
    page.keyboard.press("Escape")
    page.click("[data-side-panel-toggle=status]")
    page.wait_for_timeout(300)
    page.click("[data-side-panel-toggle=preview]")
    page.wait_for_timeout(2500)
    visit("page editor, preview open", settle=False)
    preview_text = ""
    for _ in range(40):  # page.wait_for_function evaluates a string: the CSP forbids that
        preview_text = page.evaluate(
            "document.querySelector('#w-preview-iframe')?.contentDocument?.body?.innerText || ''"
        )
        if "chào cờ" in preview_text:
            break
        page.wait_for_timeout(500)
    assert "chào cờ" in preview_text  # the preview renders inside the admin (frame-ancestors)
    page.click("[data-side-panel-toggle=preview]")
    page.locator("footer button[type=submit]").first.click()  # save draft
    page.wait_for_load_state("networkidle")
    visit("after saving a draft")
    with schema_context(school.schema_name):
        draft = m.WeeklyPlanPage.objects.get(pk=ids["plan"]).get_latest_revision_as_object()
        assert "họp tổ chuyên môn" in draft.body

    visit("the plans a parent reads", "/ke-hoach/")
    context.close()
    assert violations == {}, json.dumps(violations, indent=1, ensure_ascii=False)
    assert console == []
    assert missing_policy == []
