"""Login throttling with django-axes on school admins and the authority portal.

Issue 11: "100 wrong passwords then the right one logs in". Now 5 wrong passwords for one user
name from one address lock that pair out for 15 minutes, the right password included, with a
Vietnamese page (HTTP 429). Attempts are kept in the public schema under `<schema>:<name>`
(tenants/login_throttle.py), so a lock-out at one school never reaches another.
"""

import datetime as dt

import pytest
import time_machine
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.utils import timezone
from django_tenants.utils import schema_context

from sitepages.roles import PRINCIPAL_GROUP
from tests.crafting import PASSWORD as PORTAL_PASSWORD
from tests.factories import school_make

pytestmark = pytest.mark.django_db
PASSWORD = "Mat-khau-hieu-truong-2026"
LOCKED = "Đăng nhập tạm thời bị khóa"


def _principal(school):
    with schema_context(school.schema_name):
        user = get_user_model().objects.create_user("hieutruong", "ht@truong.edu.vn", PASSWORD)
        user.groups.add(Group.objects.get(name=PRINCIPAL_GROUP))
    return user


def _guess(client, url, username, times, **extra):
    for number in range(times):
        client.post(url, {"username": username, "password": f"sai-{number}"}, **extra)


def _logged_into_admin(client, host) -> bool:
    return client.get("/admin/", HTTP_HOST=host).status_code == 200


def test_100_wrong_passwords_then_the_right_one_does_not_log_into_a_school_admin(school, host):
    _principal(school)
    client = Client(HTTP_HOST=host)
    _guess(client, "/admin/login/", "hieutruong", 100)
    response = client.post("/admin/login/", {"username": "hieutruong", "password": PASSWORD})
    assert response.status_code == 429
    assert LOCKED in response.text and "15 phút" in response.text
    assert not _logged_into_admin(client, host)
    connection.set_schema_to_public()
    attempt = AccessAttempt.objects.get()
    assert attempt.username == f"{school.schema_name}:hieutruong"
    assert attempt.failures_since_start >= 5


def test_the_lock_lifts_after_the_cool_off_and_the_right_password_then_works(school, host):
    _principal(school)
    client = Client(HTTP_HOST=host)
    _guess(client, "/admin/login/", "HieuTruong", 6)  # any case counts for the same name
    assert (
        client.post("/admin/login/", {"username": "hieutruong", "password": PASSWORD}).status_code
        == 429
    )
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=16)):
        response = client.post("/admin/login/", {"username": "hieutruong", "password": PASSWORD})
        assert response.status_code == 302
        assert _logged_into_admin(client, host)


def test_a_lock_out_at_one_school_does_not_reach_the_same_name_at_another(school, host, authority):
    other = school_make(authority=authority, name="THCS Lê Lợi")
    _principal(school)
    _principal(other)
    _guess(Client(HTTP_HOST=host), "/admin/login/", "hieutruong", 10)
    other_host = other.provisioned.domain
    client = Client(HTTP_HOST=other_host)
    response = client.post("/admin/login/", {"username": "hieutruong", "password": PASSWORD})
    assert response.status_code == 302
    assert _logged_into_admin(client, other_host)


def test_a_guesser_cannot_escape_the_lock_by_writing_x_real_ip(school, host):
    _principal(school)
    client = Client(HTTP_HOST=host, REMOTE_ADDR="203.0.113.5")
    for number in range(10):
        client.post(
            "/admin/login/",
            {"username": "hieutruong", "password": f"sai-{number}"},
            HTTP_X_REAL_IP=f"198.51.100.{number}",
        )
    response = client.post(
        "/admin/login/", {"username": "hieutruong", "password": PASSWORD},
        HTTP_X_REAL_IP="198.51.100.99",
    )  # fmt: skip
    assert response.status_code == 429
    # the principal at another address (the school's own router) still logs in
    own = Client(HTTP_HOST=host, REMOTE_ADDR="192.0.2.10")
    assert (
        own.post("/admin/login/", {"username": "hieutruong", "password": PASSWORD}).status_code
        == 302
    )


def test_100_wrong_passwords_then_the_right_one_does_not_log_into_the_portal(
    authority, portal_user
):
    user = portal_user(authority, "admin")
    client = Client(HTTP_HOST=authority.portal_domain)
    _guess(client, "/dang-nhap/", user.email, 100)
    response = client.post("/dang-nhap/", {"username": user.email, "password": PORTAL_PASSWORD})
    assert response.status_code == 429
    assert LOCKED in response.text
    assert client.get("/tong-quan/").status_code != 200
    attempt = AccessAttempt.objects.get()
    assert attempt.username == f"public:{user.email.lower()}"


def test_a_few_wrong_passwords_still_let_the_right_one_in(authority, portal_user):
    user = portal_user(authority, "admin")
    client = Client(HTTP_HOST=authority.portal_domain)
    _guess(client, "/dang-nhap/", user.email, 3)
    response = client.post("/dang-nhap/", {"username": user.email, "password": PORTAL_PASSWORD})
    assert response.status_code == 302
    assert client.get("/tong-quan/").status_code == 200
    assert not AccessAttempt.objects.exists()  # a success resets the count
