"""Workflow e-mails: in Vietnamese, and every link on the school's own host.

An editor submits a page in the real admin (the edit form, "Gửi Hiệu trưởng duyệt"), the
principal requests changes, the editor resubmits and the principal approves; a comment on the
page notifies its subscribers. Each e-mail Wagtail sends (locmem backend) is read: Vietnamese
text, no English UI word, and each link is opened with the test client on the school's host,
logged in as the recipient: 200.
"""

import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django_tenants.utils import schema_context
from wagtail.fields import StreamField
from wagtail.models import TaskState

from sitepages import models as m
from sitepages.roles import EDITOR_GROUP, PRINCIPAL_GROUP, WORKFLOW_NAME
from tests.sitepages.english import english_words

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://[^\s\"'<>]+")


def _member(username, group, *, family, given):
    user = get_user_model().objects.create_user(
        username=username,
        email=f"{username}@example.edu.vn",
        password="x",
        first_name=family,
        last_name=given,
    )
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def people(school, host):
    """The editor and the principal, each logged in on a client of their own."""
    with schema_context(school.schema_name):
        editor = _member("bientap", EDITOR_GROUP, family="Trần Văn", given="Bình")
        principal = _member("hieutruong", PRINCIPAL_GROUP, family="Nguyễn Thị", given="Lan")
        clients = {}
        for user in (editor, principal):
            clients[user.username] = Client(HTTP_HOST=host)
            clients[user.username].force_login(user)
        page = m.NewsPage(title="Hội thi văn nghệ", body="<p>Chào mừng 20/11.</p>", live=False)
        m.NewsIndexPage.objects.get().add_child(instance=page)
        page.save_revision(user=editor)
    return {"editor": editor, "principal": principal, "clients": clients, "page": page}


def _form_data(html: str, form_selector: str) -> dict:
    """What a browser would send for a form as rendered (hidden inputs, values, selections)."""
    form = BeautifulSoup(html, "html.parser").select_one(form_selector)
    data: dict[str, list[str]] = {}
    for field in form.select("input[name], textarea[name], select[name]"):
        if field.has_attr("disabled"):
            continue
        kind = field.get("type", "").lower()
        if kind in ("submit", "button", "file") or (
            kind in ("checkbox", "radio") and not field.has_attr("checked")
        ):
            continue
        if field.name == "textarea":
            value = field.text
        elif field.name == "select":
            chosen = field.select_one("option[selected]") or field.select_one("option")
            value = chosen.get("value", "") if chosen else ""
        else:
            value = field.get("value", "")
        data.setdefault(field["name"], []).append(value)
    return data


def _edit_post(client, page, **extra):
    url = f"/admin/pages/{page.id}/edit/"
    response = client.get(url)
    assert response.status_code == 200
    data = _form_data(response.content.decode(), "form[data-edit-form]")
    # StreamFields are drawn by the admin's JavaScript, which writes their block count.
    for field in page.specific._meta.get_fields():
        if isinstance(field, StreamField):
            data.setdefault(f"{field.name}-count", ["0"])
    data.update(extra)
    return client.post(url, data)


def _sent(*, to) -> list:
    return [message for message in mail.outbox if to.email in message.to]


def _check(message, *, school, host, client, words):
    """Vietnamese, no English UI word, every link on the school's host and 200 when opened."""
    text = f"{message.subject}\n{message.body}"
    for word in words:
        assert word in text, (word, text)
    assert english_words(text) == [], text
    links = LINK.findall(message.body)
    assert links, text
    for link in links:
        parts = urlsplit(link)
        assert parts.hostname == host, link
        response = client.get(parts.path + (f"?{parts.query}" if parts.query else ""))
        assert response.status_code == 200, link
    return links


def test_each_workflow_email_is_vietnamese_with_links_on_the_schools_host(
    school, host, people, settings
):
    settings.SITE_URL_SCHEME, settings.SITE_URL_PORT = "https", ""
    settings.WAGTAILADMIN_BASE_URL = "https://global.example.org"
    editor, principal = people["editor"], people["principal"]
    editor_client, principal_client = (people["clients"][u] for u in ("bientap", "hieutruong"))
    page = people["page"]
    mail.outbox.clear()

    # The editor's button reads "Gửi Hiệu trưởng duyệt" and submits to the principal.
    edit_html = editor_client.get(f"/admin/pages/{page.id}/edit/").content.decode()
    assert f"Gửi {WORKFLOW_NAME}" in edit_html
    assert _edit_post(editor_client, page, **{"action-submit": ["1"]}).status_code == 302
    (submitted,) = _sent(to=principal)
    links = _check(
        submitted,
        school=school,
        host=host,
        client=principal_client,
        words=["Kính gửi Nguyễn Thị Lan", "Hội thi văn nghệ", "chờ duyệt", WORKFLOW_NAME],
    )
    assert all(link.startswith(f"https://{host}/admin/") for link in links)

    # The principal asks for changes, with a comment.
    with schema_context(school.schema_name):
        task_state = TaskState.objects.get(status="in_progress")
    mail.outbox.clear()
    response = principal_client.post(
        f"/admin/pages/workflow/action/{page.id}/reject/{task_state.id}/",
        {"comment": "Bổ sung thời gian tổ chức."},
    )
    assert response.status_code in (200, 302)
    (rejected,) = _sent(to=editor)
    _check(
        rejected,
        school=school,
        host=host,
        client=editor_client,
        words=["Kính gửi Trần Văn Bình", "yêu cầu sửa", "Bổ sung thời gian tổ chức."],
    )

    # The editor resubmits; the principal approves and the page goes live.
    mail.outbox.clear()
    assert _edit_post(editor_client, page, **{"action-submit": ["1"]}).status_code == 302
    assert _sent(to=principal), "a resubmission notifies the principal again"
    with schema_context(school.schema_name):
        task_state = TaskState.objects.get(status="in_progress")
    mail.outbox.clear()
    response = principal_client.post(
        f"/admin/pages/workflow/action/{page.id}/approve/{task_state.id}/", {}
    )
    assert response.status_code in (200, 302)
    (approved,) = _sent(to=editor)
    _check(
        approved,
        school=school,
        host=host,
        client=editor_client,
        words=["Kính gửi Trần Văn Bình", "đã được duyệt", "Hội thi văn nghệ"],
    )
    with schema_context(school.schema_name):
        page.refresh_from_db()
        assert page.live
    for message in mail.outbox:
        assert "global.example.org" not in message.body


def test_a_comment_notifies_subscribers_in_vietnamese_with_a_link_on_the_schools_host(
    school, host, people, settings
):
    from wagtail.models import PageSubscription

    settings.SITE_URL_SCHEME, settings.SITE_URL_PORT = "https", ""
    settings.WAGTAILADMIN_BASE_URL = "https://global.example.org"
    editor, page = people["editor"], people["page"]
    editor_client, principal_client = (people["clients"][u] for u in ("bientap", "hieutruong"))
    with schema_context(school.schema_name):
        # The editor's "Comment notifications" switch in the editor, turned on.
        PageSubscription.objects.create(page=page, user=editor, comment_notifications=True)
    mail.outbox.clear()
    comment = {
        "comments-TOTAL_FORMS": ["1"],
        "comments-INITIAL_FORMS": ["0"],
        "comments-0-id": [""],
        "comments-0-contentpath": ["title"],
        "comments-0-text": ["Tiêu đề nên ghi rõ ngày tổ chức."],
        "comments-0-position": [""],
        "comments-0-resolved": [""],
        "comments-0-replies-TOTAL_FORMS": ["0"],
        "comments-0-replies-INITIAL_FORMS": ["0"],
    }
    assert _edit_post(principal_client, page, **comment).status_code == 302
    (notice,) = _sent(to=editor)
    _check(
        notice,
        school=school,
        host=host,
        client=editor_client,
        words=["Kính gửi Trần Văn Bình", "Nguyễn Thị Lan", "nhận xét", "ghi rõ ngày tổ chức"],
    )


def test_a_password_reset_email_links_to_the_schools_host(school, host, people, settings):
    settings.SITE_URL_SCHEME, settings.SITE_URL_PORT = "https", ""
    settings.WAGTAILADMIN_BASE_URL = "https://global.example.org"
    principal = people["principal"]
    mail.outbox.clear()
    visitor = Client(HTTP_HOST=host)
    response = visitor.post("/admin/password_reset/", {"email": principal.email})
    assert response.status_code == 302
    (message,) = _sent(to=principal)
    text = f"{message.subject}\n{message.body}"
    assert "Đặt lại mật khẩu" in text and english_words(text) == [], text
    (link,) = LINK.findall(message.body)
    parts = urlsplit(link)
    assert parts.scheme == "https" and parts.hostname == host, link
    form = visitor.get(parts.path, follow=True)
    assert form.status_code == 200 and 'name="new_password1"' in form.content.decode()
