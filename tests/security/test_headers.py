"""Security headers on every response, and host-only, Secure, HttpOnly cookies in production.

Every kind of response a person or a script can get: a school's pages, its admin, its
documents, an authority's portal and its API, the platform's host, an unknown host's 404 and a
suspended school's 503 (answered by the tenant middleware itself).
"""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client, override_settings
from django_tenants.utils import schema_context
from wagtail.documents import get_document_model

from sitepages.roles import PRINCIPAL_GROUP
from tenants.services.lifecycle import school_resume, school_suspend

pytestmark = pytest.mark.django_db
REPO = Path(__file__).resolve().parents[2]
PASSWORD = "Mat-khau-hieu-truong-2026"


def _directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {
        part.split()[0]: part.split()[1:] for part in (p.strip() for p in policy.split(";")) if part
    }


def _assert_headers(response, label):
    assert response["X-Content-Type-Options"] == "nosniff", label
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin", label
    assert response["X-Frame-Options"] == "SAMEORIGIN", label
    directives = _directives(response)
    assert directives["frame-ancestors"] == ["'self'"], label
    if directives.get("default-src") == ["'none'"]:  # Wagtail's document view: nothing runs
        return {**directives, "script-src": ["'self'"]}
    assert directives["object-src"] == ["'none'"], label
    assert "'unsafe-eval'" not in directives["script-src"], label
    return directives


@pytest.fixture
def principal_client(school, host):
    with schema_context(school.schema_name):
        user = get_user_model().objects.create_user("hieutruong", "ht@truong.edu.vn", PASSWORD)
        user.groups.add(Group.objects.get(name=PRINCIPAL_GROUP))
        client = Client(HTTP_HOST=host)
        client.force_login(user)
    return client


def test_every_kind_of_response_carries_the_headers(
    client, school, host, authority, principal_client, media_root
):
    with schema_context(school.schema_name):
        document = get_document_model().objects.create(
            title="Kế hoạch", file=ContentFile(b"%PDF-1.4\n", name="ke-hoach.pdf")
        )
        document_url = document.url
    public = {
        "school home": client.get("/", HTTP_HOST=host),
        "school plans": client.get("/ke-hoach/", HTTP_HOST=host),
        "school 404": client.get("/khong-co-trang-nay/", HTTP_HOST=host),
        "school document": client.get(document_url, HTTP_HOST=host),
        "school admin login": client.get("/admin/login/", HTTP_HOST=host),
        "portal home": client.get("/", HTTP_HOST=authority.portal_domain),
        "portal login": client.get("/dang-nhap/", HTTP_HOST=authority.portal_domain),
        "api": client.get("/api/v1/schools/", HTTP_HOST=authority.portal_domain),
        "platform": client.get("/", HTTP_HOST="localhost"),
        "unknown host": client.get("/", HTTP_HOST="khong-ton-tai.localhost"),
    }
    assert _directives(public["school document"]) == {
        "default-src": ["'none'"], "frame-ancestors": ["'self'"],
    }  # fmt: skip
    assert public["school document"]["Content-Disposition"].startswith("inline")  # a PDF
    for label, response in public.items():
        directives = _assert_headers(response, label)
        # anyone can reach these: scripts from our own origin only
        assert directives["script-src"] == ["'self'"], label
    admin = {
        "admin dashboard": principal_client.get("/admin/"),
        "admin explorer": principal_client.get("/admin/pages/", follow=True),
    }
    for label, response in admin.items():
        assert response.status_code == 200, label
        directives = _assert_headers(response, label)
        assert directives["script-src"] == ["'self'", "'unsafe-inline'"], label
    school_suspend(school=school)
    try:
        suspended = client.get("/", HTTP_HOST=host)
        assert suspended.status_code == 503
        _assert_headers(suspended, "suspended school")
    finally:
        school_resume(school=school)


def _set_cookies(response) -> dict[str, str]:
    return {name: morsel.OutputString() for name, morsel in response.cookies.items()}


@override_settings(
    SESSION_COOKIE_SECURE=True, CSRF_COOKIE_SECURE=True, SECURE_HSTS_SECONDS=31536000
)
def test_over_https_with_production_cookies_they_are_host_only_secure_and_http_only(school, host):
    with schema_context(school.schema_name):
        user = get_user_model().objects.create_user("hieutruong", "ht@truong.edu.vn", PASSWORD)
        user.groups.add(Group.objects.get(name=PRINCIPAL_GROUP))
    client = Client(HTTP_HOST=host, enforce_csrf_checks=True)
    form = client.get("/admin/login/", secure=True)
    assert form["Strict-Transport-Security"] == "max-age=31536000"
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    login = client.post(
        "/admin/login/",
        {"username": "hieutruong", "password": PASSWORD, "csrfmiddlewaretoken": token},
        secure=True,
        HTTP_REFERER=f"https://{host}/admin/login/",
    )
    assert login.status_code == 302
    cookies = {**_set_cookies(form), **_set_cookies(login)}
    assert {"sessionid", "csrftoken"} <= set(cookies)
    for name in ("sessionid", "csrftoken"):
        attributes = [a.strip().lower() for a in cookies[name].split(";")]
        assert "secure" in attributes and "httponly" in attributes, cookies[name]
        assert "samesite=lax" in attributes, cookies[name]
        assert not any(a.startswith("domain=") for a in attributes), cookies[name]
    # the session of one school's host is never sent to another host (no Domain attribute)
    assert client.get("/admin/", secure=True).status_code == 200


def test_production_settings_make_cookies_secure_and_send_hsts():
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({n: getattr(s, n) for n in ('SESSION_COOKIE_SECURE', "
        "'CSRF_COOKIE_SECURE', 'SESSION_COOKIE_HTTPONLY', 'CSRF_COOKIE_HTTPONLY', "
        "'SESSION_COOKIE_DOMAIN', 'CSRF_COOKIE_DOMAIN', 'SECURE_HSTS_SECONDS', "
        "'SECURE_CONTENT_TYPE_NOSNIFF', 'SECURE_REFERRER_POLICY')}))"
    )
    from tests.deploy.test_deploy_files import production_env

    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=production_env(), capture_output=True,
        text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values == {
        "SESSION_COOKIE_SECURE": True, "CSRF_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True, "CSRF_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_DOMAIN": None, "CSRF_COOKIE_DOMAIN": None,
        "SECURE_HSTS_SECONDS": 31536000, "SECURE_CONTENT_TYPE_NOSNIFF": True,
        "SECURE_REFERRER_POLICY": "strict-origin-when-cross-origin",
    }  # fmt: skip
