"""The school's face on every page: address with a plain map link, phone, hours (its Liên hệ page)."""

import pytest
from django_tenants.utils import schema_context

from sitepages import models as m

pytestmark = pytest.mark.django_db


def _contact(school, **fields):
    with schema_context(school.schema_name):
        contact = m.ContactPage.objects.get()
        for name, value in fields.items():
            setattr(contact, name, value)
        contact.save_revision().publish()


def test_every_page_shows_the_schools_address_phone_and_hours(client, school, host):
    _contact(
        school,
        address="12 Lê Lợi, phường Phú Hội,\nthành phố Huế",
        phone="0234 3822 123",
        office_hours="Thứ Hai – Thứ Sáu, 7:00–17:00",
    )
    for path in ("/", "/tin-tuc/", "/lien-he/", "/khong-co/"):
        html = client.get(path, HTTP_HOST=host).content.decode()
        footer = html.split('<footer class="site-footer"')[1]
        assert "12 Lê Lợi, phường Phú Hội,<br>thành phố Huế" in footer, path
        # A plain link to a map service with the address, no embedded map or script.
        assert (
            'href="https://www.openstreetmap.org/search?query=12+L%C3%AA+L%E1%BB%A3i%2C+'
            'ph%C6%B0%E1%BB%9Dng+Ph%C3%BA+H%E1%BB%99i%2C+th%C3%A0nh+ph%E1%BB%91+Hu%E1%BA%BF"'
        ) in footer, path
        assert 'href="tel:02343822123"' in footer and "7:00–17:00" in footer, path
        assert "<iframe" not in html and "<script" not in html, path
    home = client.get("/", HTTP_HOST=host).content.decode()
    assert 'id="lien-he-nhanh"' in home


def test_the_schools_own_map_link_wins(client, school, host):
    _contact(school, address="Thôn 3", map_url="https://maps.example.vn/truong")
    html = client.get("/", HTTP_HOST=host).content.decode()
    assert 'href="https://maps.example.vn/truong"' in html
    assert "openstreetmap" not in html


def test_no_contact_details_no_empty_block(client, school, host):
    _contact(school, address="", phone="", email="", office_hours="")
    html = client.get("/", HTTP_HOST=host).content.decode()
    assert "Xem bản đồ" not in html and "Giờ làm việc:" not in html
