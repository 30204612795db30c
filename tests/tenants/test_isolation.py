"""Each host serves its own school only: sites, admins, logins, cache keys, media paths."""

import html

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django_tenants.utils import schema_context

from tenants.services.lifecycle import school_resume, school_suspend
from tests.factories import school_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_schools(authority):
    return (
        school_make(authority=authority, name="THCS Nguyễn Du"),
        school_make(authority=authority, name="THCS Lê Lợi"),
    )


def _host(school):
    return school.provisioned.domain


def test_each_host_serves_its_own_school_site(client, two_schools):
    first, second = two_schools
    page_one = client.get("/", HTTP_HOST=_host(first))
    page_two = client.get("/", HTTP_HOST=_host(second))
    assert page_one.status_code == page_two.status_code == 200
    assert "THCS Nguyễn Du" in page_one.text and "THCS Lê Lợi" not in page_one.text
    assert "THCS Lê Lợi" in page_two.text and "THCS Nguyễn Du" not in page_two.text


def test_unknown_host_gets_a_clear_404_not_another_school(client, two_schools):
    response = client.get("/", HTTP_HOST="khong-ton-tai.localhost")
    assert response.status_code == 404
    assert "Không tìm thấy trang web" in response.text
    assert "khong-ton-tai.localhost" in response.text
    assert "THCS" not in response.text


def test_authority_portal_host_serves_the_public_schema(client, authority, two_schools):
    response = client.get("/", HTTP_HOST=authority.portal_domain)
    assert response.status_code == 200
    assert html.escape(authority.name) in response.text
    assert _host(two_schools[0]) in response.text


def test_suspended_school_answers_503_and_keeps_its_data(client, school):
    with schema_context(school.schema_name):
        get_user_model().objects.create_user("bientap", password="mat-khau-dai-1")
    school_suspend(school=school)
    response = client.get("/", HTTP_HOST=_host(school))
    assert response.status_code == 503
    assert "tạm ngừng hoạt động" in response.text
    with schema_context(school.schema_name):
        assert list(get_user_model().objects.values_list("username", flat=True)) == ["bientap"]
        from wagtail.models import Page

        assert Page.objects.filter(depth=2).count() == 1
    school_resume(school=school)
    assert client.get("/", HTTP_HOST=_host(school)).status_code == 200


def test_a_user_of_one_school_cannot_log_into_another(client, two_schools):
    first, second = two_schools
    with schema_context(first.schema_name):
        user = get_user_model().objects.create_user("bientap", password="mat-khau-dai-1")
        from django.contrib.auth.models import Group

        from sitepages.roles import EDITOR_GROUP

        user.groups.add(Group.objects.get(name=EDITOR_GROUP))
    login = {"username": "bientap", "password": "mat-khau-dai-1"}
    other = client.post("/admin/login/", login, HTTP_HOST=_host(second))
    assert other.status_code == 200  # the form again, with an error
    assert client.get("/admin/", HTTP_HOST=_host(second)).status_code == 302
    own = client.post("/admin/login/", login, HTTP_HOST=_host(first))
    assert own.status_code == 302
    assert client.get("/admin/", HTTP_HOST=_host(first)).status_code == 200
    # the session cookie of the first school is no key to the second school's admin
    assert client.get("/admin/", HTTP_HOST=_host(second)).status_code == 302


def test_cache_keys_and_media_paths_differ_per_school(two_schools, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    first, second = two_schools
    paths = {}
    for school in two_schools:
        with schema_context(school.schema_name):
            cache.set("wagtail_site_root_paths", f"roots of {school.name}", 30)
            paths[school.schema_name] = default_storage.save(
                "ke-hoach/tuần-1.pdf", ContentFile(b"%PDF")
            )
            paths[school.schema_name] = default_storage.path(paths[school.schema_name])
    for school in two_schools:
        with schema_context(school.schema_name):
            assert cache.get("wagtail_site_root_paths") == f"roots of {school.name}"
    assert paths[first.schema_name] != paths[second.schema_name]
    assert f"/{first.schema_name}/" in paths[first.schema_name]
    assert f"/{second.schema_name}/" in paths[second.schema_name]
    with schema_context(first.schema_name):
        cache.delete("wagtail_site_root_paths")
    with schema_context(second.schema_name):
        cache.delete("wagtail_site_root_paths")
