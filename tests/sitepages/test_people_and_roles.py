"""What people are called: one set of Vietnamese roles, names in Vietnamese order, level names."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django_tenants.utils import schema_context

from sitepages import models as m
from sitepages.roles import EDITOR_GROUP, PRINCIPAL_GROUP

pytestmark = pytest.mark.django_db


def _member(username, group, *, family, given):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.edu.vn", password="x"
    )
    user.first_name, user.last_name = family, given
    user.save()
    user.groups.add(Group.objects.get(name=group))
    return user


def test_a_school_has_its_two_roles_and_no_stock_english_groups(school):
    with schema_context(school.schema_name):
        assert set(Group.objects.values_list("name", flat=True)) == {
            EDITOR_GROUP,
            PRINCIPAL_GROUP,
        }


def test_members_of_stock_groups_move_to_the_school_roles(school):
    migration = importlib.import_module("sitepages.migrations.0003_school_roles_only")
    with schema_context(school.schema_name):
        moderator = get_user_model().objects.create_user("kiemduyet", password="x")
        editor = get_user_model().objects.create_user("soanthao", password="x")
        Group.objects.create(name="Moderators").user_set.add(moderator)
        Group.objects.create(name="Editors").user_set.add(editor)
        migration.stock_groups_remove(apps, None)
        assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
        assert list(moderator.groups.values_list("name", flat=True)) == [PRINCIPAL_GROUP]
        assert list(editor.groups.values_list("name", flat=True)) == [EDITOR_GROUP]


def test_people_are_named_family_name_first(school, host):
    with schema_context(school.schema_name):
        principal = _member("hieutruong", PRINCIPAL_GROUP, family="Nguyễn Thị", given="Lan")
        editor = _member("bientap", EDITOR_GROUP, family="Trần Văn", given="Bình")
        page = m.NewsPage(title="Lễ khai giảng", body="<p>Sáng 5/9.</p>", live=False)
        m.NewsIndexPage.objects.get().add_child(instance=page)
        page.save_revision(user=editor, log_action=True)
        client = Client(HTTP_HOST=host)
        client.force_login(principal)
    users = client.get("/admin/users/").content.decode()
    assert "Nguyễn Thị Lan" in users and "Trần Văn Bình" in users
    form = client.get(f"/admin/users/edit/{editor.pk}/").content.decode()
    assert "Họ và tên đệm" in form and ">Tên<" in form.replace("\n", "").replace(" ", "")
    history = client.get(f"/admin/pages/{page.pk}/history/").content.decode()
    assert "Trần Văn Bình" in history
    roles = client.get(f"/admin/users/edit/{editor.pk}/").content.decode()
    assert "Editors" not in roles and "Moderators" not in roles


def test_an_authoritys_public_page_names_school_levels(client, authority):
    from tests.factories import school_make

    school_make(authority=authority, levels=["preschool", "primary"])
    html = client.get("/", HTTP_HOST=authority.portal_domain).content.decode()
    assert "Mầm non, Tiểu học" in html
    assert "preschool" not in html and "lower_secondary" not in html
