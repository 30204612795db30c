"""Error pages: 400, 403, 404, 500 and a CSRF failure in Vietnamese, with the right status, in the
school's look on a school's host (its name and menu) and the portal's on an authority's host; the
favicon on every host. DEBUG is off in the tests, as for any served host.
"""

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.test import Client
from django.utils.html import escape

from sitepages import models as m

pytestmark = pytest.mark.django_db

DEBUG_MARKS = ("Traceback", "django.core", "DEBUG = True", "Page not found at")


def _no_debug(response):
    assert not any(mark in response.text for mark in DEBUG_MARKS)
    assert '<html lang="vi">' in response.text


def _in_school_look(response, school):
    assert escape(school.name) in response.text  # the header's school name
    assert 'aria-label="Menu chính"' in response.text and 'href="/tin-tuc/"' in response.text


@pytest.mark.parametrize("path", ["/khong-co-trang-nay/", "/tin-tuc/tin-khong-co/"])
def test_a_missing_page_is_a_404_in_the_schools_look(client, school, host, path):
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.text
    assert "Các mục của trang" in response.text and 'action="/tim-kiem/"' in response.text
    _in_school_look(response, school)
    _no_debug(response)


def test_a_crash_is_a_500_in_the_schools_look(school, host, monkeypatch):
    def crash(self, request, *args, **kwargs):
        raise RuntimeError("hỏng")

    monkeypatch.setattr(m.HomePage, "get_context", crash)
    response = Client(raise_request_exception=False).get("/", HTTP_HOST=host)
    assert response.status_code == 500
    assert "Trang đang gặp sự cố" in response.text
    _in_school_look(response, school)
    _no_debug(response)


def test_a_500_is_still_a_page_when_the_schools_look_cannot_be_drawn(school, host, monkeypatch):
    from sitepages.templatetags import sitepages_tags

    def crash(self, request, *args, **kwargs):
        raise RuntimeError("hỏng")

    def no_chrome(**kwargs):
        raise RuntimeError("cơ sở dữ liệu không trả lời")

    monkeypatch.setattr(m.HomePage, "get_context", crash)
    monkeypatch.setattr(sitepages_tags, "site_chrome", no_chrome)
    response = Client(raise_request_exception=False).get("/", HTTP_HOST=host)
    assert response.status_code == 500
    assert "Trang đang gặp sự cố" in response.text and "Mã lỗi 500" in response.text
    _no_debug(response)


def test_a_refusal_is_a_403_in_the_schools_look(client, school, host, monkeypatch):
    def refuse(self, request, *args, **kwargs):
        raise PermissionDenied

    monkeypatch.setattr(m.ContactPage, "get_context", refuse)
    response = client.get("/lien-he/", HTTP_HOST=host)
    assert response.status_code == 403
    assert "Không có quyền xem trang này" in response.text
    _in_school_look(response, school)
    _no_debug(response)


def test_a_malformed_request_is_a_400_in_the_schools_look(client, school, host, monkeypatch):
    def suspicious(self, request, *args, **kwargs):
        raise SuspiciousOperation("tham số lạ")

    monkeypatch.setattr(m.NewsIndexPage, "get_context", suspicious)
    response = client.get("/tin-tuc/", HTTP_HOST=host)
    assert response.status_code == 400
    assert "Yêu cầu không hợp lệ" in response.text
    _in_school_look(response, school)
    _no_debug(response)


def test_an_expired_form_is_a_403_that_says_what_to_do(school, host):
    response = Client(enforce_csrf_checks=True).post(
        "/gop-y/", {"noi_dung": "Góp ý"}, HTTP_HOST=host
    )
    assert response.status_code == 403
    assert "Biểu mẫu đã hết hạn" in response.text and "tải lại trang" in response.text
    _in_school_look(response, school)
    _no_debug(response)


def test_the_portal_answers_errors_in_its_own_look(client, authority):
    missing = client.get("/khong-co/", HTTP_HOST=authority.portal_domain)
    assert missing.status_code == 404 and "Không tìm thấy trang" in missing.text
    assert escape(authority.name) in missing.text  # the portal's header
    _no_debug(missing)
    expired = Client(enforce_csrf_checks=True).post(
        "/dang-nhap/", {"username": "a", "password": "b"}, HTTP_HOST=authority.portal_domain
    )
    assert expired.status_code == 403 and "Biểu mẫu đã hết hạn" in expired.text
    assert escape(authority.name) in expired.text
    _no_debug(expired)


def test_every_host_serves_a_favicon(client, school, host, authority):
    for name in (host, authority.portal_domain):
        response = client.get("/favicon.ico", HTTP_HOST=name)
        assert response.status_code == 200, name
        assert response["Content-Type"] == "image/x-icon"
        assert response.content[:4] == b"\x00\x00\x01\x00"  # an ICO directory
        assert "max-age=86400" in response["Cache-Control"]
