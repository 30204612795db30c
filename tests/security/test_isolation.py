"""Isolation regression suite: two schools under two authorities, every crossing refused.

Each test names the crossing an attacker (or a bad day) would try: a spoofed Host or
X-Forwarded-Host, one school's session cookie on another's host, another school's admin,
documents, search, feeds, an API answer cached under a poisoned Host, the portal drill-down
and the API of another authority, and a Celery task run for one school touching another.
More in tests/tenants/test_isolation.py (site per host, unknown hosts, logins, cache keys and
media paths per school).
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client
from django_tenants.utils import schema_context
from wagtail.documents import get_document_model

from compliance.models import SchoolEvaluation
from compliance.tasks import evaluate_school
from opendata.cache import api_cache_clear
from sitepages import models as m
from sitepages.roles import PRINCIPAL_GROUP
from tests.factories import authority_make, school_make
from tests.sitepages.helpers import publish_child

pytestmark = pytest.mark.django_db
PASSWORD = "Mat-khau-hieu-truong-2026"


@pytest.fixture
def world(authority, media_root):
    """School A under authority 1, school B under authority 2, each with a news item and a
    document whose titles name their school."""
    other_authority = authority_make()
    schools = {
        "A": school_make(authority=authority, name="THCS An Bình", code="an-binh"),
        "B": school_make(authority=other_authority, name="THCS Bến Gỗ", code="ben-go"),
    }
    documents = {}
    for key, school in schools.items():
        with schema_context(school.schema_name):
            publish_child(
                m.NewsIndexPage.objects.get(),
                m.NewsPage(
                    title=f"Tin riêng của trường {key}",
                    summary="Tóm tắt",
                    body=f"<p>bimat{key.lower()} chỉ trường {key} biết</p>",
                ),
            )
            documents[key] = get_document_model().objects.create(
                title=f"Văn bản {key}", file=ContentFile(b"%PDF-1.4\n", name=f"vb-{key}.pdf")
            )
    return {
        "schools": schools,
        "hosts": {k: s.provisioned.domain for k, s in schools.items()},
        "authorities": {"A": authority, "B": other_authority},
        "documents": documents,
    }


def test_spoofed_forwarded_host_headers_never_pick_another_school(client, world):
    hosts = world["hosts"]
    for header in ("HTTP_X_FORWARDED_HOST", "HTTP_X_ORIGINAL_HOST", "HTTP_FORWARDED"):
        value = hosts["B"] if header != "HTTP_FORWARDED" else f"host={hosts['B']}"
        page = client.get("/", HTTP_HOST=hosts["A"], **{header: value})
        assert page.status_code == 200
        assert "THCS An Bình" in page.text and "THCS Bến Gỗ" not in page.text, header


def test_a_session_of_one_school_opens_nothing_in_anothers_admin(world):
    hosts, schools = world["hosts"], world["schools"]
    with schema_context(schools["A"].schema_name):
        user = get_user_model().objects.create_user("hieutruong", "ht@a.edu.vn", PASSWORD)
        user.groups.add(Group.objects.get(name=PRINCIPAL_GROUP))
    client = Client()
    assert (
        client.post(
            "/admin/login/", {"username": "hieutruong", "password": PASSWORD}, HTTP_HOST=hosts["A"]
        ).status_code
        == 302
    )
    assert client.get("/admin/", HTTP_HOST=hosts["A"]).status_code == 200
    cookie = client.cookies["sessionid"].value
    stranger = Client()
    stranger.cookies["sessionid"] = cookie  # the same cookie, sent to B's host
    for path in ("/admin/", "/admin/pages/", "/admin/users/", "/admin/documents/"):
        response = stranger.get(path, HTTP_HOST=hosts["B"])
        assert response.status_code == 302 and "/admin/login/" in response["Location"], path


def test_documents_of_one_school_are_not_served_by_another(client, world):
    hosts, documents = world["hosts"], world["documents"]
    own = client.get(documents["A"].url, HTTP_HOST=hosts["A"])
    assert own.status_code == 200
    crossed = client.get(documents["A"].url, HTTP_HOST=hosts["B"])
    # B has its own document with the same id: never A's file
    assert crossed.status_code == 404 or "vb-A" not in crossed.get("Content-Disposition", "")
    assert "vb-A" not in crossed.headers.get("Content-Disposition", "")


def test_search_and_feeds_show_only_the_hosts_own_school(client, world):
    hosts = world["hosts"]
    search = client.get("/tim-kiem/", {"q": "bimata"}, HTTP_HOST=hosts["B"])
    assert search.status_code == 200 and "Tin riêng của trường A" not in search.text
    own = client.get("/tim-kiem/", {"q": "bimata"}, HTTP_HOST=hosts["A"])
    assert "Tin riêng của trường A" in own.text
    for path in ("/tin-tuc/feed/", "/tin-tuc/feed/atom/", "/sitemap.xml"):
        feed = client.get(path, HTTP_HOST=hosts["B"])
        assert feed.status_code == 200, path
        assert "trường A" not in feed.text and hosts["A"] not in feed.text, path


def test_the_portal_drill_down_and_api_stop_at_the_authoritys_schools(
    portal_client, world, frozen_now
):
    authorities = world["authorities"]
    member = portal_client(authorities["A"], "admin")
    assert member.get("/truong/an-binh/").status_code == 200
    assert member.get("/truong/ben-go/").status_code == 404
    # the other authority's host does not take authority A's member either
    other = member.get("/tong-quan/", HTTP_HOST=authorities["B"].portal_domain)
    assert other.status_code in (302, 403)
    api = member.get("/api/v1/schools/").json()
    names = {school["name"] for school in api["results"]}
    assert "THCS An Bình" in names and "THCS Bến Gỗ" not in names


def test_a_poisoned_host_never_reaches_the_api_cache(client, world):
    authority = world["authorities"]["A"]
    host = authority.portal_domain
    api_cache_clear()
    poisoned = client.get(
        "/api/v1/schools/", {"page_size": 1},
        HTTP_HOST=f"{host.upper()}:8000", HTTP_X_FORWARDED_HOST="ke-gian.example",
    )  # fmt: skip
    assert poisoned.status_code == 200 and "ke-gian.example" not in poisoned.text
    clean = client.get("/api/v1/schools/", {"page_size": 1}, HTTP_HOST=host)
    assert clean.status_code == 200
    assert "8000" not in clean.text and host.upper() not in clean.text
    api_cache_clear()


def test_a_task_run_for_one_school_touches_only_that_schools_results(world, frozen_now):
    schools = world["schools"]
    evaluate_school(schools["A"].schema_name)  # in-process, as a worker runs it
    assert SchoolEvaluation.objects.filter(school=schools["A"]).exists()
    assert not SchoolEvaluation.objects.filter(school=schools["B"]).exists()
    with schema_context(schools["B"].schema_name):
        assert m.NewsPage.objects.get().title == "Tin riêng của trường B"
