"""/quan-ly/nguoi-dung/: invite by e-mail (the link on the portal's host sets a password and
the user logs in), change a role, take a user off; the authority always keeps an admin."""

from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from portal.models import AuditEntry, AuthorityMembership
from tests.crafting import PASSWORD

pytestmark = pytest.mark.django_db


def test_an_invited_inspector_sets_a_password_and_logs_in(portal_client, authority):
    client = portal_client(authority, "admin")
    response = client.post(
        "/quan-ly/nguoi-dung/moi/",
        {"email": "Thanh.Tra@Xa.gov.vn", "role": "inspector"},
        follow=True,
    )
    assert "Đã gửi thư mời đến thanh.tra@xa.gov.vn" in response.text
    membership = AuthorityMembership.objects.get(user__username="thanh.tra@xa.gov.vn")
    assert membership.role == "inspector" and membership.authority == authority
    assert "Chưa đặt mật khẩu" in client.get("/quan-ly/nguoi-dung/").text

    message = mail.outbox[-1]
    assert message.to == ["thanh.tra@xa.gov.vn"]
    assert "Thanh tra (chỉ xem)" in message.body
    url = next(word for word in message.body.split() if "/dat-mat-khau/" in word)
    assert urlsplit(url).hostname == authority.portal_domain

    invited = Client(HTTP_HOST=authority.portal_domain)
    form = invited.get(urlsplit(url).path, follow=True)
    new = "mot-mat-khau-rat-dai-2026"
    invited.post(form.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    login = invited.post("/dang-nhap/", {"username": "thanh.tra@xa.gov.vn", "password": new})
    assert login.status_code == 302
    assert AuditEntry.objects.filter(action="user_invite", target="thanh.tra@xa.gov.vn").exists()


def test_role_change_and_deactivation_never_remove_the_last_admin(
    portal_client, portal_user, authority
):
    client = portal_client(authority, "admin")
    me = AuthorityMembership.objects.get(authority=authority, role="admin")
    refused = client.post(
        f"/quan-ly/nguoi-dung/{me.pk}/vai-tro/", {"role": "inspector"}, follow=True
    )
    assert "người quản trị cuối cùng" in refused.text
    refused = client.post(f"/quan-ly/nguoi-dung/{me.pk}/khoa/", follow=True)
    assert "người quản trị cuối cùng" in refused.text
    me.refresh_from_db()
    assert me.role == "admin" and me.user.is_active

    other = portal_user(authority, "inspector", email="phu@xa.gov.vn")
    theirs = AuthorityMembership.objects.get(user=other)
    client.post(f"/quan-ly/nguoi-dung/{theirs.pk}/vai-tro/", {"role": "admin"})
    theirs.refresh_from_db()
    assert theirs.role == "admin"
    # two admins now: one may step down
    client.post(f"/quan-ly/nguoi-dung/{me.pk}/vai-tro/", {"role": "inspector"})
    me.refresh_from_db()
    assert me.role == "inspector"
    change = AuditEntry.objects.filter(action="user_role", target=theirs.user.username).get()
    assert change.before == {"role": "inspector"} and change.after == {"role": "admin"}
    history = client.get("/quan-ly/nguoi-dung/").text.split("Lịch sử")[1]
    assert "Thanh tra (chỉ xem) → Quản trị" in history
    assert "inspector" not in history and "→ admin" not in history


def test_a_deactivated_user_can_no_longer_log_in(portal_client, portal_user, authority):
    client = portal_client(authority, "admin")
    gone = portal_user(authority, "inspector", email="nghi@xa.gov.vn")
    membership = AuthorityMembership.objects.get(user=gone)
    client.post(f"/quan-ly/nguoi-dung/{membership.pk}/khoa/")
    assert not AuthorityMembership.objects.filter(user=gone).exists()
    gone.refresh_from_db()
    assert not gone.is_active
    login = Client(HTTP_HOST=authority.portal_domain).post(
        "/dang-nhap/", {"username": "nghi@xa.gov.vn", "password": PASSWORD}
    )
    assert login.status_code == 200
    assert AuditEntry.objects.filter(action="user_deactivate", target="nghi@xa.gov.vn").exists()


def test_a_bad_address_is_refused_in_vietnamese(portal_client, authority):
    client = portal_client(authority, "admin")
    response = client.post(
        "/quan-ly/nguoi-dung/moi/", {"email": "khong-hop-le", "role": "admin"}, follow=True
    )
    assert "không phải là một địa chỉ e-mail hợp lệ" in response.text
    assert not get_user_model().objects.filter(username="khong-hop-le").exists()


@pytest.mark.parametrize("action", ["invite", "role", "deactivate"])
def test_inspectors_are_refused_every_user_change(portal_client, portal_user, authority, action):
    target = portal_user(authority, "admin", email="quantri2@xa.gov.vn")
    membership = AuthorityMembership.objects.get(user=target)
    client = portal_client(authority, "inspector")
    page = client.get("/quan-ly/nguoi-dung/")
    assert page.status_code == 200 and "Gửi thư mời" not in page.text
    url, data = {
        "invite": ("/quan-ly/nguoi-dung/moi/", {"email": "x@y.vn", "role": "admin"}),
        "role": (f"/quan-ly/nguoi-dung/{membership.pk}/vai-tro/", {"role": "inspector"}),
        "deactivate": (f"/quan-ly/nguoi-dung/{membership.pk}/khoa/", {}),
    }[action]
    response = client.post(url, data)
    assert response.status_code == 403 and "chỉ được xem" in response.text
    membership.refresh_from_db()
    assert membership.role == "admin" and not mail.outbox
    assert not AuditEntry.objects.exists()
