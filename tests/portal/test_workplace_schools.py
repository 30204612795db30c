"""The workplace's school pages: create one school, and on a school's page suspend / resume
with a reason, resend the principal's invitation, change the principal, add a host alias.
Every change goes through the service its command uses and leaves an audit row; inspectors
see no buttons and every POST of theirs is refused."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django_tenants.utils import schema_context

from portal.models import AuditEntry
from tenants.models import Domain, School
from tests.factories import school_make

pytestmark = pytest.mark.django_db


def _link_path(body: str, host: str) -> str:
    """The path of the set-password link in an e-mail, checking that it is on `host`."""
    from urllib.parse import urlsplit

    url = next(w for w in body.split() if "/admin/password_reset/" in w)
    assert urlsplit(url).hostname == host, url
    return urlsplit(url).path


def test_an_admin_creates_a_school_and_its_principal_gets_the_invitation(portal_client, authority):
    client = portal_client(authority, "admin")
    page = client.get("/quan-ly/truong/moi/")
    assert page.status_code == 200 and "Tạo một trường" in page.text
    response = client.post(
        "/quan-ly/truong/moi/",
        {
            "name": "THCS Nguyễn Du",
            "levels": ["lower_secondary"],
            "domain": "THCS-Nguyen-Du-Moi.localhost",
            "principal_email": "HT@NguyenDu.edu.vn",
            "serves_meals": "on",
            "co_quan": authority.code,
        },
    )
    assert response.status_code == 200, response.text
    school = School.objects.get(name="THCS Nguyễn Du")
    assert school.authority == authority and school.serves_meals
    assert "http://thcs-nguyen-du-moi.localhost" in response.text  # site and admin links
    assert "Đã gửi thư mời đặt mật khẩu đến ht@nguyendu.edu.vn" in response.text

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ht@nguyendu.edu.vn"]
    assert "Mời đặt mật khẩu quản trị website THCS Nguyễn Du" == message.subject
    assert "Kính gửi Thầy/Cô Hiệu trưởng THCS Nguyễn Du" in message.body
    # the link is on the school's own host and opens the set-password form there
    path = _link_path(message.body, "thcs-nguyen-du-moi.localhost")
    opened = client.get(path, HTTP_HOST="thcs-nguyen-du-moi.localhost", follow=True)
    assert opened.status_code == 200
    assert 'name="new_password1"' in opened.text

    actions = list(AuditEntry.objects.filter(target=school.code).values_list("action", "actor"))
    assert ("school_create", f"admin-{authority.code}@so-gd.edu.vn") in actions
    assert ("invitation_send", f"admin-{authority.code}@so-gd.edu.vn") in actions


def test_bad_input_is_shown_in_vietnamese_and_nothing_is_created(portal_client, authority):
    school_make(authority=authority, domain="da-co.localhost")
    client = portal_client(authority, "admin")
    response = client.post(
        "/quan-ly/truong/moi/",
        {
            "name": "TH Kim Đồng",
            "levels": ["primary"],
            "domain": "da-co.localhost",
            "principal_email": "khong-phai-email",
            "co_quan": authority.code,
        },
    )
    assert response.status_code == 400
    assert "tên miền da-co.localhost đã có trường khác dùng" in response.text
    assert "không phải địa chỉ e-mail hợp lệ" in response.text
    assert not School.objects.filter(name="TH Kim Đồng").exists()
    assert not mail.outbox and not AuditEntry.objects.exists()


def test_suspend_and_resume_need_a_reason_and_are_audited(portal_client, authority):
    school = school_make(authority=authority, domain="tam-ngung.localhost")
    client = portal_client(authority, "admin")
    page = client.get(f"/quan-ly/truong/{school.code}/")
    assert "Tạm ngừng website" in page.text and "Lý do" in page.text

    refused = client.post(f"/quan-ly/truong/{school.code}/tam-ngung/", {"reason": " "}, follow=True)
    assert "Lý do: cần ghi lý do." in refused.text
    school.refresh_from_db()
    assert school.status == School.Status.ACTIVE

    client.post(f"/quan-ly/truong/{school.code}/tam-ngung/", {"reason": "Hết hạn hợp đồng"})
    school.refresh_from_db()
    assert school.status == School.Status.SUSPENDED
    assert Client().get("/", HTTP_HOST="tam-ngung.localhost").status_code == 503
    page = client.get(f"/quan-ly/truong/{school.code}/")
    assert "Mở lại website" in page.text and "Lý do: Hết hạn hợp đồng" in page.text

    client.post(f"/quan-ly/truong/{school.code}/mo-lai/", {"reason": "Đã gia hạn"})
    school.refresh_from_db()
    assert school.status == School.Status.ACTIVE
    entry = AuditEntry.objects.filter(target=school.code, action="school_resume").get()
    assert entry.before == {"status": "suspended"} and entry.after == {"status": "active"}
    assert entry.reason == "Đã gia hạn"


def test_resend_the_invitation_and_change_the_principal(portal_client, authority):
    school = school_make(
        authority=authority, domain="doi-ht.localhost", principal_email="cu@truong.edu.vn"
    )
    client = portal_client(authority, "admin")
    client.post(f"/quan-ly/truong/{school.code}/gui-loi-moi/")
    assert [m.to for m in mail.outbox] == [["cu@truong.edu.vn"]]
    assert "http://doi-ht.localhost" in mail.outbox[0].body

    response = client.post(
        f"/quan-ly/truong/{school.code}/hieu-truong/", {"email": "Moi@Truong.edu.vn"}, follow=True
    )
    assert "Hiệu trưởng mới: moi@truong.edu.vn" in response.text
    school.refresh_from_db()
    assert school.principal_email == "moi@truong.edu.vn"
    assert mail.outbox[-1].to == ["moi@truong.edu.vn"]
    with schema_context(school.schema_name):
        principal = get_user_model().objects.get(username="moi@truong.edu.vn")
        assert principal.groups.filter(name="Hiệu trưởng").exists()
    change = AuditEntry.objects.get(target=school.code, action="principal_change")
    assert change.before == {"email": "cu@truong.edu.vn"}
    assert change.after == {"email": "moi@truong.edu.vn"}

    bad = client.post(f"/quan-ly/truong/{school.code}/hieu-truong/", {"email": "x"}, follow=True)
    assert "E-mail hiệu trưởng: &#x27;x&#x27; không phải địa chỉ e-mail hợp lệ" in bad.text


def test_a_host_alias_serves_the_same_school(portal_client, authority):
    school = school_make(authority=authority, domain="ten-cu.localhost", name="TH Bí Danh")
    client = portal_client(authority, "admin")
    client.post(
        f"/quan-ly/truong/{school.code}/ten-mien/", {"host": "https://www.Ten-Moi.localhost/"}
    )
    assert Domain.objects.get(domain="ten-moi.localhost").tenant == school
    # a parent's browser (its own cookies: the test client shares one jar across hosts)
    assert "TH Bí Danh" in Client().get("/", HTTP_HOST="ten-moi.localhost").text
    taken = client.post(
        f"/quan-ly/truong/{school.code}/ten-mien/", {"host": authority.portal_domain}, follow=True
    )
    assert "là cổng thông tin của một cơ quan quản lý" in taken.text


def test_another_authoritys_school_is_not_found(portal_client, authority):
    from tests.factories import authority_make

    other = school_make(authority=authority_make())
    client = portal_client(authority, "admin")
    assert client.get(f"/quan-ly/truong/{other.code}/").status_code == 404
    assert (
        client.post(f"/quan-ly/truong/{other.code}/tam-ngung/", {"reason": "x"}).status_code == 404
    )


@pytest.mark.parametrize(
    "path, data",
    [
        ("/quan-ly/truong/moi/", {"name": "X", "levels": ["primary"], "domain": "x.localhost"}),
        ("/quan-ly/truong/{code}/tam-ngung/", {"reason": "thử"}),
        ("/quan-ly/truong/{code}/mo-lai/", {"reason": "thử"}),
        ("/quan-ly/truong/{code}/gui-loi-moi/", {}),
        ("/quan-ly/truong/{code}/hieu-truong/", {"email": "a@b.vn"}),
        ("/quan-ly/truong/{code}/ten-mien/", {"host": "alias.localhost"}),
    ],
)
def test_inspectors_are_refused_every_school_change(portal_client, authority, path, data):
    school = school_make(authority=authority, principal_email="ht@a.vn")
    client = portal_client(authority, "inspector")
    response = client.post(path.format(code=school.code), data)
    assert response.status_code == 403
    assert "chỉ được xem" in response.text
    school.refresh_from_db()
    assert school.status == School.Status.ACTIVE and school.principal_email == "ht@a.vn"
    assert not mail.outbox and not AuditEntry.objects.exists()
    assert Domain.objects.filter(tenant=school).count() == 1


def test_inspectors_see_the_school_page_without_buttons(portal_client, authority):
    school = school_make(authority=authority)
    client = portal_client(authority, "inspector")
    page = client.get(f"/quan-ly/truong/{school.code}/")
    assert page.status_code == 200 and school.name in page.text
    assert "<form" not in page.text.split("<main", 1)[1]
    assert "Tạo một trường" not in client.get("/quan-ly/").text


def test_school_lists_are_in_vietnamese_alphabetical_order(portal_client, authority, client):
    """ "Đ" comes after "D" and before "E", as the dashboard sorts; the database's default
    order put "Điền Hương" after "Phong Xuân" on the public home page and in the workplace."""
    for name, domain in [("Phong Xuân", "px"), ("Điền Hương", "dh"), ("Diệu Đế", "dd")]:
        school_make(authority=authority, name=f"Trường {name}", domain=f"{domain}-vi.localhost")
    expected = ["Trường Diệu Đế", "Trường Điền Hương", "Trường Phong Xuân"]

    def listed(text):
        return sorted(expected, key=text.index)

    public = client.get("/", HTTP_HOST=authority.portal_domain).text  # parents, the press
    assert listed(public) == expected
    assert listed(portal_client(authority, "admin").get("/quan-ly/").text) == expected
