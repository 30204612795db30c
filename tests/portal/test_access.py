"""Who gets into an authority's portal, and what inspectors cannot do."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django_tenants.utils import schema_context

from portal.models import AuthorityMembership
from reminders.models import ReminderPreference
from reports.generation import monthly_report_generate
from reports.models import MonthlyReport
from tests.crafting import PASSWORD, crafted_school, month_of_each_category
from tests.factories import authority_make

pytestmark = pytest.mark.django_db


def _login(client, authority, email, password=PASSWORD):
    return client.post(
        "/dang-nhap/",
        {"username": email, "password": password},
        HTTP_HOST=authority.portal_domain,
    )


def test_an_admin_logs_in_on_their_portal_and_sees_the_dashboard(client, authority, portal_user):
    crafted_school(authority=authority, name="THCS Lê Lợi")
    user = portal_user(authority, "admin")
    response = _login(client, authority, user.email)
    assert response.status_code == 302 and response["Location"] == "/"
    dashboard = client.get("/", HTTP_HOST=authority.portal_domain)
    assert "Tình hình cập nhật website các trường" in dashboard.text
    assert "THCS Lê Lợi" in dashboard.text


def test_a_member_of_another_authority_cannot_log_in(client, authority, portal_user):
    other = authority_make()
    user = portal_user(other, "admin")
    response = _login(client, authority, user.email)
    assert response.status_code == 200
    assert "không có quyền truy cập cổng thông tin" in response.text
    assert "_auth_user_id" not in client.session


def test_a_province_user_sees_the_districts_below_it_but_not_the_other_way(client, portal_user):
    province = authority_make(kind="province")
    district = authority_make(parent=province)
    crafted_school(authority=district, name="TH Kim Đồng")
    province_user = portal_user(province, "inspector")
    district_user = portal_user(district, "admin")

    assert _login(client, district, province_user.email).status_code == 302
    assert "TH Kim Đồng" in client.get("/", HTTP_HOST=district.portal_domain).text
    # the province's own dashboard lists its districts' schools too
    client.logout()
    assert _login(client, province, province_user.email).status_code == 302
    assert "TH Kim Đồng" in client.get("/", HTTP_HOST=province.portal_domain).text

    client.logout()
    refused = _login(client, province, district_user.email)
    assert refused.status_code == 200 and "_auth_user_id" not in client.session


def test_a_school_users_credentials_fail_on_the_portal(client, school):
    """School accounts live in the school's schema; the portal authenticates in public."""
    with schema_context(school.schema_name):
        staff = get_user_model().objects.create_user(
            username="bientap@truong.edu.vn", email="bientap@truong.edu.vn", password=PASSWORD
        )
        assert staff.check_password(PASSWORD)
    response = _login(client, school.authority, "bientap@truong.edu.vn")
    assert response.status_code == 200
    assert "Tên đăng nhập (e-mail) hoặc mật khẩu không đúng" in response.text
    assert "_auth_user_id" not in client.session
    assert (
        client.get(f"/truong/{school.code}/", HTTP_HOST=school.authority.portal_domain).status_code
        == 302
    )


def test_anonymous_visitors_get_the_public_page_and_are_sent_to_login(client, authority):
    school = crafted_school(authority=authority, name="MN Hoa Sen")
    home = client.get("/", HTTP_HOST=authority.portal_domain)
    assert home.status_code == 200
    assert "Danh sách công khai hằng tháng" in home.text
    assert "Tình hình cập nhật" not in home.text
    drill = client.get(f"/truong/{school.code}/", HTTP_HOST=authority.portal_domain)
    assert drill.status_code == 302 and drill["Location"].startswith("/dang-nhap/?next=")


def test_a_public_schema_user_without_membership_is_refused_everywhere(client, authority):
    stranger = get_user_model().objects.create_user("khach@x.vn", "khach@x.vn", PASSWORD)
    client.force_login(stranger)
    response = client.get("/tong-quan/", HTTP_HOST=authority.portal_domain)
    assert response.status_code == 403
    # the root shows the public page, not the dashboard
    assert "Tình hình cập nhật" not in client.get("/", HTTP_HOST=authority.portal_domain).text


def test_the_portal_pages_do_not_exist_on_the_platform_host(client):
    assert client.get("/dang-nhap/", HTTP_HOST="localhost").status_code == 404
    assert client.get("/tong-quan/", HTTP_HOST="localhost").status_code == 404


def test_logout(portal_client, authority):
    client = portal_client(authority, "admin")
    response = client.post("/dang-xuat/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_inspectors_can_look_but_every_change_is_refused(portal_client, authority, frozen_now):
    month_of_each_category(authority)
    monthly_report_generate(authority=authority, month="2026-09")
    client = portal_client(authority, "inspector")
    assert client.get("/").status_code == 200
    assert client.get("/bao-cao/2026-09/").status_code == 200  # drafts are visible to members

    posts = {
        "/quan-ly/bao-cao/tao/": {"thang": "2026-10"},
        "/quan-ly/bao-cao/2026-09/cong-bo/": {},
        "/quan-ly/bao-cao/2026-09/van-ban/": {"doc_number": "1", "signer_name": "A"},
        "/quan-ly/bao-cao/2026-09/tao-lai/": {"reason": "thử"},
        "/thong-bao/": {"weekly_digest": ""},
    }
    for url, data in posts.items():
        response = client.post(url, data)
        assert response.status_code == 403, url
        assert "chỉ được xem" in response.text
    assert not MonthlyReport.objects.filter(month="2026-10").exists()
    report = MonthlyReport.objects.get(month="2026-09")
    assert report.status == "draft" and report.generations.count() == 1
    assert report.doc_number == "" and report.signer_name == ""
    assert not ReminderPreference.objects.exists()


def _public_patterns():
    """(name with namespace, callback) of every view of the public schema's URLconf."""
    from django.urls import URLPattern, URLResolver, get_resolver

    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = f"{pattern.namespace}:" if pattern.namespace else namespace
                yield from walk(pattern.url_patterns, inner)
            elif isinstance(pattern, URLPattern):
                yield f"{namespace}{pattern.name}", pattern.callback

    return list(walk(get_resolver("schoolhost.urls_public").url_patterns, ""))


def test_every_changing_view_is_guarded_by_the_admin_check():
    """A new POST view added to the public hosts without `portal_admin_required` fails here."""
    import inspect

    patterns = _public_patterns()
    exempt = {
        "portal:login",
        "portal:logout",
        "portal:password_set",
        "reminders:preferences_token",
    }
    guarded = {name for name, view in patterns if getattr(view, "portal_changes", False)}
    assert {
        "portal:report_generate",
        "portal:report_publish",
        "portal:report_regenerate",
        "portal:report_document_save",
        "portal:manage_school_create",
        "portal:manage_school_suspend",
        "portal:manage_school_resume",
        "portal:manage_school_invite",
        "portal:manage_school_principal",
        "portal:manage_school_domain",
        "portal:manage_import",
        "portal:manage_import_confirm",
        "portal:manage_user_invite",
        "portal:manage_user_role",
        "portal:manage_user_deactivate",
        "portal:manage_rule_change",
        "portal:manage_calendar_save",
        "reminders:message_send",
        "reminders:preferences",
    } <= guarded
    for name, view in patterns:
        source = inspect.getsource(inspect.unwrap(view))
        changes = "POST" in source or "require_POST" in source or ".save(" in source
        if changes and name not in exempt:
            assert name in guarded, name
    # the portal and its pages are mounted in the public URLconf, at the paths people use
    from django.urls import resolve

    assert resolve("/", urlconf="schoolhost.urls_public").view_name == "portal:home"
    assert (
        resolve("/quan-ly/bao-cao/tao/", urlconf="schoolhost.urls_public").view_name
        == "portal:report_generate"
    )
    assert (
        resolve("/thong-bao/", urlconf="schoolhost.urls_public").view_name
        == "reminders:preferences"
    )


def test_admins_can_do_what_inspectors_cannot(portal_client, authority, frozen_now):
    month_of_each_category(authority)
    client = portal_client(authority, "admin")
    form = client.get("/quan-ly/bao-cao/").text
    assert 'name="thang" value="10/2026"' in form  # last month, as people write it
    response = client.post("/quan-ly/bao-cao/tao/", {"thang": "10/2026"})
    assert response.status_code == 302
    assert MonthlyReport.objects.filter(authority=authority, month="2026-10").exists()
    assert '/bao-cao/2026-10/">10/2026</a>' in client.get("/quan-ly/bao-cao/").text
    response = client.post("/quan-ly/bao-cao/tao/", {"thang": "10/26"}, follow=True)
    assert "hãy ghi tháng/năm, ví dụ 11/2026" in response.text


def test_create_authority_user_command(client, authority, capsys):
    call_command(
        "create_authority_user", authority=authority.code, email="Thanh.Tra@Phong.edu.vn",
        role="inspector", password=PASSWORD,
    )  # fmt: skip
    membership = AuthorityMembership.objects.get(user__username="thanh.tra@phong.edu.vn")
    assert membership.role == "inspector" and membership.authority == authority
    assert _login(client, authority, "thanh.tra@phong.edu.vn").status_code == 302

    # re-running for the same address changes the role, never makes a second account
    call_command(
        "create_authority_user",
        authority=authority.code,
        email="thanh.tra@phong.edu.vn",
        role="admin",
    )
    assert get_user_model().objects.filter(username="thanh.tra@phong.edu.vn").count() == 1
    assert AuthorityMembership.objects.get(user__username="thanh.tra@phong.edu.vn").role == "admin"

    with pytest.raises(CommandError, match="không có cơ quan quản lý mã “khong-co”"):
        call_command("create_authority_user", authority="khong-co", email="a@b.vn", role="admin")
    with pytest.raises(CommandError, match="“abc” không phải là một địa chỉ e-mail hợp lệ"):
        call_command("create_authority_user", authority=authority.code, email="abc", role="admin")


def test_create_authority_user_without_password_prints_a_working_set_password_link(
    client, authority
):
    from io import StringIO

    out = StringIO()
    call_command(
        "create_authority_user",
        authority=authority.code,
        email="moi@phong.edu.vn",
        role="admin",
        stdout=out,
    )
    link = next(line for line in out.getvalue().splitlines() if "Liên kết đặt mật khẩu" in line)
    path = link.split(authority.portal_domain, 1)[1].split("/", 1)[1]
    page = client.get(f"/{path}", HTTP_HOST=authority.portal_domain, follow=True)
    assert "Mật khẩu mới" in page.text
    new = "mot-mat-khau-rat-dai-2026"
    form_url = page.redirect_chain[-1][0] if page.redirect_chain else f"/{path}"
    client.post(
        form_url, {"new_password1": new, "new_password2": new}, HTTP_HOST=authority.portal_domain
    )
    assert _login(client, authority, "moi@phong.edu.vn", new).status_code == 302
