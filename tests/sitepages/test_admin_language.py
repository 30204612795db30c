"""A principal walks the Wagtail admin in Debian's chromium and reads no English.

The school's staff use the default language (Vietnamese). Every screen a principal uses is
opened in a real browser and everything a person sees or hears is read: rendered text,
screen-reader text, the tab title, aria-labels, placeholders and tooltips, including what the
admin's JavaScript draws (the block menu, the action dropdown, the approval dialog). Any English
word of Django's or Wagtail's UI vocabulary fails the test (tests/sitepages/english.py).
"""

import uuid

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_tenants.utils import schema_context

from sitepages import models as m
from sitepages.calendar import local_today, monday_of
from sitepages.roles import EDITOR_GROUP, PRINCIPAL_GROUP
from tests.sitepages.english import page_english
from tests.sitepages.helpers import publish_child
from tests.sitepages.test_browser import browser  # noqa: F401 — the shared chromium fixture

pytestmark = [pytest.mark.browser]

PASSWORD = "mat-khau-hieu-truong-9"


def _user(username, *, group, family, given, email):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user(
        username=username, email=email, password=PASSWORD, first_name=family, last_name=given
    )
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def staffed_school(committed_schools, media_root):
    """A school with a principal, an editor, pages, an image, a document, a form submission
    and a news item the editor submitted for the principal's approval."""
    from wagtail.contrib.forms.models import FormSubmission
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    from tests.sitepages.conftest import png_file

    tag = str(uuid.uuid4().int)[:8]  # digits: a hex tag like "dd4519f9" reads as a foreign word
    school = committed_schools(name=f"THCS Ngôn Ngữ {tag}", domain=f"ngon-ngu-{tag}.localhost")
    with schema_context(school.schema_name):
        principal = _user(
            "hieutruong",
            group=PRINCIPAL_GROUP,
            family="Nguyễn Thị",
            given="Lan",
            email="ht@example.edu.vn",
        )
        editor = _user(
            "bientap",
            group=EDITOR_GROUP,
            family="Trần Văn",
            given="Bình",
            email="bt@example.edu.vn",
        )
        plan = publish_child(
            m.PlanIndexPage.objects.get(),
            m.WeeklyPlanPage(
                title="Kế hoạch tuần này",
                week_start=monday_of(local_today()),
                body="<p>Thứ Hai: chào cờ đầu tuần.</p>",
            ),
            user=principal,
        )
        news = publish_child(
            m.NewsIndexPage.objects.get(),
            m.NewsPage(
                title="Lễ khai giảng", summary="Sáng 5/9.", body="<p>Toàn trường dự lễ.</p>"
            ),
            user=principal,
        )
        pending = m.NewsPage(title="Hội thi văn nghệ", body="<p>Chào mừng 20/11.</p>", live=False)
        m.NewsIndexPage.objects.get().add_child(instance=pending)
        pending.save_revision(user=editor)
        pending.get_workflow().start(pending, editor)
        get_image_model().objects.create(
            title="Sân trường", file=png_file("san-truong.png"), description="Sân trường"
        )
        get_document_model().objects.create(
            title="Kế hoạch năm học", file=ContentFile(b"%PDF-1.4\n", name="ke-hoach.pdf")
        )
        form_page = m.FeedbackFormPage.objects.get()
        FormSubmission.objects.create(
            page=form_page,
            form_data={
                field.clean_name: "ph@example.vn"
                if field.field_type == "email"
                else "Xin hỏi lịch họp phụ huynh."
                for field in form_page.get_form_fields()
            },
        )
        ids = {
            "home": m.HomePage.objects.get().id,
            "plans": plan.get_parent().id,
            "plan": plan.id,
            "news": news.id,
            "pending": pending.id,
            "form": form_page.id,
            "editor": editor.id,
            "set_password_path": reverse(
                "wagtailadmin_password_reset_confirm",
                kwargs={
                    "uidb64": urlsafe_base64_encode(force_bytes(principal.pk)),
                    "token": default_token_generator.make_token(principal),
                },
            ).removeprefix("/admin"),
        }
    return school, ids


def _open(page, url):
    response = page.goto(url)
    assert response.status == 200, url
    page.wait_for_load_state("networkidle")
    assert "/admin/login/" not in page.url or url.endswith("/admin/login/"), url


def test_a_principal_reads_the_admin_in_vietnamese(browser, live_server, staffed_school):  # noqa: F811
    school, ids = staffed_school
    port = live_server.url.rsplit(":", 1)[1]
    base = f"http://{school.provisioned.domain}:{port}/admin"
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    found: dict[str, list[str]] = {}

    def read(screen):
        english = page_english(page, also_allowed=[school.name])
        if english:
            found[screen] = english

    _open(page, base + "/login/")
    read("login")
    _open(page, base + "/password_reset/")
    read("password reset")
    _open(page, base + ids["set_password_path"])
    read("set a new password")
    _open(page, base + "/login/")
    page.fill("input[name=username]", "hieutruong")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(base + "/")
    page.wait_for_load_state("networkidle")
    read("dashboard")

    screens = {
        "page explorer (root)": "/pages/",
        "page explorer (home)": f"/pages/{ids['home']}/",
        "page explorer (plans)": f"/pages/{ids['plans']}/",
        "page search": "/pages/search/?q=k%E1%BA%BF+ho%E1%BA%A1ch",
        "add a page": f"/pages/add/sitepages/weeklyplanpage/{ids['plans']}/",
        "page history": f"/pages/{ids['plan']}/history/",
        "images": "/images/",
        "image upload": "/images/multiple/add/",
        "documents": "/documents/",
        "document upload": "/documents/multiple/add/",
        "users": "/users/",
        "user edit": f"/users/edit/{ids['editor']}/",
        "form pages": "/forms/",
        "form submissions": f"/forms/submissions/{ids['form']}/",
        "workflow report": "/reports/workflow/",
        "workflow tasks report": "/reports/workflow_tasks/",
        "site history": "/reports/site-history/",
        "aging pages": "/reports/aging-pages/",
        "locked pages": "/reports/locked/",
        "account": "/account/",
    }
    for screen, path in screens.items():
        _open(page, base + path)
        read(screen)
        if screen == "user edit":
            page.locator("[role=tab]").nth(1).click()  # Roles
            read("user roles")

    for kind in ("plan", "news"):
        _open(page, base + f"/pages/{ids[kind]}/edit/")
        read(f"edit {kind}: content")
        page.locator("[role=tab]").nth(1).click()  # Promote
        read(f"edit {kind}: promote")
        page.locator("[role=tab]").first.click()
        page.locator("button.c-sf-add-button").first.click()
        page.wait_for_timeout(300)
        read(f"edit {kind}: inserted block")
        page.locator("footer [data-w-dropdown-target='toggle']").first.click()
        page.wait_for_timeout(300)
        read(f"edit {kind}: more actions")
        page.keyboard.press("Escape")
        page.click("[data-side-panel-toggle=status]")
        page.wait_for_timeout(300)
        read(f"edit {kind}: status panel")
        page.locator("[data-a11y-dialog-show=schedule-publishing-dialog]:visible").first.click()
        page.wait_for_timeout(300)
        read(f"edit {kind}: scheduled publishing dialog")
        page.keyboard.press("Escape")
        # The admin remembers an open side panel: close it for the next page.
        page.click("[data-side-panel-toggle=status]")

    # A validation error: the title left empty, saved as a draft.
    _open(page, base + f"/pages/{ids['news']}/edit/")
    page.fill("#id_title", "")
    page.locator("footer button[type=submit]").first.click()
    page.wait_for_load_state("networkidle")
    page.locator(".error-message, .help-critical").first.wait_for(timeout=30_000)  # a slow server
    read("edit news: validation errors")

    _open(page, base + "/")
    read("dashboard with a pending approval")
    _open(page, base + f"/pages/{ids['pending']}/edit/")
    read("approval: edit")
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.wait_for_timeout(300)
    read("approval: actions")
    page.locator("footer button[data-workflow-action-name=reject]").first.click()
    page.wait_for_selector(".modal-content form")
    page.wait_for_timeout(300)
    read("approval: request changes dialog")

    page.close()
    assert found == {}, "\n".join(f"{screen}: {lines}" for screen, lines in found.items())
