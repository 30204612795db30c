"""A principal manages editors only: no superusers, no second principal, no takeover.

Reproduces issue 11 ("a principal can make a superuser"): through Wagtail's own user views a
principal (auth.add_user / auth.change_user) could tick "Administrator", give the principal's
role, or change a superuser's password. A principal types no password for anyone: editors are
invited (tests/sitepages/test_editor_invitation.py, where weak passwords are refused).
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django_tenants.utils import schema_context

from sitepages.roles import EDITOR_GROUP, PRINCIPAL_GROUP

pytestmark = pytest.mark.django_db
PASSWORD = "Mat-khau-du-dai-2026"


@pytest.fixture
def people(school, host):
    """The principal logged in on a client, a superuser, an editor and the two role ids."""
    with schema_context(school.schema_name):
        users = get_user_model().objects
        principal = users.create_user("hieutruong", "ht@truong.edu.vn", PASSWORD)
        principal.groups.add(Group.objects.get(name=PRINCIPAL_GROUP))
        root = users.create_superuser("vanhanh", "vh@schoolhost.vn", PASSWORD)
        editor = users.create_user("bientap", "bt@truong.edu.vn", PASSWORD)
        editor.groups.add(Group.objects.get(name=EDITOR_GROUP))
        roles = {g.name: g.pk for g in Group.objects.all()}
        client = Client(HTTP_HOST=host)
        client.force_login(principal)
    return {
        "client": client, "principal": principal, "root": root, "editor": editor,
        "editor_role": roles[EDITOR_GROUP], "principal_role": roles[PRINCIPAL_GROUP],
    }  # fmt: skip


def _new_user(username, **extra):
    return {
        "username": username, "email": f"{username}@truong.edu.vn", "first_name": "Trần Văn",
        "last_name": "Bình", **extra,
    }  # fmt: skip


def _user(school, username):
    with schema_context(school.schema_name):
        return get_user_model().objects.filter(username=username).first()


def test_the_principals_add_form_has_no_administrator_box_and_only_the_editor_role(people):
    form = people["client"].get("/admin/users/new/").text
    assert 'name="is_superuser"' not in form
    assert f'value="{people["editor_role"]}"' in form
    assert f'value="{people["principal_role"]}"' not in form


def test_a_principal_cannot_create_a_superuser(school, people):
    data = _new_user("kethu", is_superuser="on", groups=[people["editor_role"]])
    response = people["client"].post("/admin/users/new/", data)
    assert response.status_code == 302
    created = _user(school, "kethu")
    assert created is not None and not created.is_superuser
    with schema_context(school.schema_name):
        assert list(created.groups.values_list("name", flat=True)) == [EDITOR_GROUP]


def test_a_principal_cannot_name_a_second_principal(school, people):
    data = _new_user("phohieutruong", groups=[people["principal_role"]])
    response = people["client"].post("/admin/users/new/", data)
    assert response.status_code == 200
    assert _user(school, "phohieutruong") is None


def test_a_principal_cannot_open_or_change_a_superusers_account(school, people):
    url = f"/admin/users/edit/{people['root'].pk}/"
    assert people["client"].get(url).status_code in (302, 403)
    data = {
        "username": "vanhanh", "email": "ke-gian@example.com", "first_name": "", "last_name": "",
        "password1": "Mat-khau-cua-ke-gian-1", "password2": "Mat-khau-cua-ke-gian-1",
        "is_active": "on", "is_superuser": "on",
    }  # fmt: skip
    assert people["client"].post(url, data).status_code in (302, 403)
    root = _user(school, "vanhanh")
    assert root.email == "vh@schoolhost.vn" and root.check_password(PASSWORD)


def test_a_principal_cannot_make_themselves_or_an_editor_a_superuser(school, people):
    client, editor, principal = people["client"], people["editor"], people["principal"]
    own = {
        "username": "hieutruong", "email": "ht@truong.edu.vn", "first_name": "Nguyễn Thị",
        "last_name": "Lan", "password1": "", "password2": "", "is_superuser": "on",
        "groups": [people["editor_role"]],
    }  # fmt: skip
    assert client.post(f"/admin/users/edit/{principal.pk}/", own).status_code == 302
    editor_data = {
        **own, "username": "bientap", "email": "bt@truong.edu.vn", "is_active": "on",
        "groups": [people["principal_role"]],
    }  # fmt: skip
    assert client.post(f"/admin/users/edit/{editor.pk}/", editor_data).status_code == 200
    with schema_context(school.schema_name):
        principal.refresh_from_db()
        editor.refresh_from_db()
        assert not principal.is_superuser and not editor.is_superuser
        assert list(principal.groups.values_list("name", flat=True)) == [PRINCIPAL_GROUP]
        assert list(editor.groups.values_list("name", flat=True)) == [EDITOR_GROUP]


def test_a_principal_cannot_assign_the_principal_role_in_bulk(school, people):
    editor = people["editor"]
    url = f"/admin/bulk/auth/user/assign_role/?id={editor.pk}"
    response = people["client"].post(url, {"role": people["principal_role"]})
    assert response.status_code == 302
    with schema_context(school.schema_name):
        assert list(editor.groups.values_list("name", flat=True)) == [EDITOR_GROUP]
    # the superuser is out of reach in bulk too (deactivating it, for one)
    url = f"/admin/bulk/auth/user/set_active_state/?id={people['root'].pk}"
    people["client"].post(url, {"mark_as_active": "False"})
    assert _user(school, "vanhanh").is_active


def test_a_superuser_still_gets_the_full_form(school, host, people):
    client = Client(HTTP_HOST=host)
    with schema_context(school.schema_name):
        client.force_login(people["root"])
    form = client.get("/admin/users/new/").text
    assert 'name="is_superuser"' in form
    assert f'value="{people["principal_role"]}"' in form
