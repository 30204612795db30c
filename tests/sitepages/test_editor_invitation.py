"""A principal adds an editor without typing a password for them: the editor gets an invitation
e-mail with a one-time set-password link on the school's host, which expires (issue 11)."""

import datetime as dt
import re
from urllib.parse import urlsplit

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django_tenants.utils import schema_context

from sitepages.roles import EDITOR_GROUP, PRINCIPAL_GROUP

pytestmark = pytest.mark.django_db
PASSWORD = "Mat-khau-du-dai-2026"
NEW_PASSWORD = "Bien-tap-vien-dat-2026"


@pytest.fixture
def principal_client(school, host):
    with schema_context(school.schema_name):
        principal = get_user_model().objects.create_user(
            "hieutruong", "ht@truong.edu.vn", PASSWORD, first_name="Nguyễn Thị", last_name="Lan"
        )
        principal.groups.add(Group.objects.get(name=PRINCIPAL_GROUP))
        editor_role = Group.objects.get(name=EDITOR_GROUP).pk
    client = Client(HTTP_HOST=host)
    with schema_context(school.schema_name):
        client.force_login(principal)
    client.editor_role = editor_role
    return client


def _add_editor(client) -> str:
    """Add an editor through the admin's form; returns the invitation link."""
    form = client.get("/admin/users/new/").text
    assert 'name="password1"' not in form and 'name="password2"' not in form
    response = client.post(
        "/admin/users/new/",
        {
            "username": "bientap", "email": "bt@truong.edu.vn", "first_name": "Trần Văn",
            "last_name": "Bình", "groups": [client.editor_role],
        },
    )  # fmt: skip
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["bt@truong.edu.vn"]
    assert "Mời đặt mật khẩu quản trị website" in message.subject
    assert "Nguyễn Thị Lan đã tạo cho bạn một tài khoản" in message.body
    assert "Tên đăng nhập của bạn là: bientap." in message.body
    assert "chỉ dùng được một lần, trong 3 ngày" in message.body
    return re.search(r"https?://\S+/admin/password_reset/confirm/\S+", message.body)[0]


def _set_password(link: str, password: str):
    """Open the link as its owner would and set `password`; returns the last response."""
    parts = urlsplit(link)
    visitor = Client(HTTP_HOST=parts.netloc)
    opened = visitor.get(parts.path, follow=True)
    if 'name="new_password1"' not in opened.text:
        return opened
    assert "Đặt mật khẩu mới" in opened.text  # Wagtail's page, in Vietnamese
    return visitor.post(
        opened.redirect_chain[-1][0],
        {"new_password1": password, "new_password2": password},
        follow=True,
    )


def test_the_new_editor_is_invited_and_sets_their_own_password_once(school, host, principal_client):
    link = _add_editor(principal_client)
    assert f"//{host}" in link  # on the school's own host
    with schema_context(school.schema_name):
        editor = get_user_model().objects.get(username="bientap")
        assert not editor.has_usable_password()
        assert list(editor.groups.values_list("name", flat=True)) == [EDITOR_GROUP]
    messages = [str(m) for m in principal_client.get("/admin/users/").context["messages"]]
    assert any("gửi thư mời đặt mật khẩu đến bt@truong.edu.vn" in m for m in messages)

    done = _set_password(link, NEW_PASSWORD)
    assert done.status_code == 200
    with schema_context(school.schema_name):
        editor.refresh_from_db()
        assert editor.check_password(NEW_PASSWORD)

    # the link is single-use: the token was tied to the old (unusable) password
    again = _set_password(link, "Mot-mat-khau-khac-2026")
    assert 'name="new_password1"' not in again.text
    with schema_context(school.schema_name):
        editor.refresh_from_db()
        assert editor.check_password(NEW_PASSWORD)


def test_the_invitation_expires(school, principal_client):
    link = _add_editor(principal_client)
    # a day's margin: under time-machine, Django's naive now() can be off by the UTC offset
    later = dt.timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT, days=1)
    with time_machine.travel(dt.datetime.now(dt.UTC) + later):
        expired = _set_password(link, NEW_PASSWORD)
    assert 'name="new_password1"' not in expired.text
    with schema_context(school.schema_name):
        assert not get_user_model().objects.get(username="bientap").has_usable_password()


@pytest.mark.parametrize("password", ["12345678", "password", "bientap2", "abc"])
def test_weak_passwords_are_refused_on_the_set_password_page(school, principal_client, password):
    link = _add_editor(principal_client)
    refused = _set_password(link, password)
    assert 'name="new_password1"' in refused.text  # the form again, with the validator's reason
    with schema_context(school.schema_name):
        assert not get_user_model().objects.get(username="bientap").has_usable_password()


def test_a_principal_editing_an_editor_sees_no_password_fields(school, principal_client):
    _add_editor(principal_client)
    with schema_context(school.schema_name):
        editor = get_user_model().objects.get(username="bientap")
    form = principal_client.get(f"/admin/users/edit/{editor.pk}/").text
    assert 'name="email"' in form
    assert 'name="password1"' not in form
