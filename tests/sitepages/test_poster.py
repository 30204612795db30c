"""The website poster and handout cards (PDF) from the school's admin: the school's name and
address in the text, a QR code that is exactly segno's code of the site's address, and only
the school's editors and principal may download them."""

import io
import re

import pytest
import segno
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django_tenants.utils import schema_context
from pypdf import PdfReader

from sitepages import models as m
from sitepages.roles import EDITOR_GROUP, PRINCIPAL_GROUP

pytestmark = pytest.mark.django_db
RECT = re.compile(rb"([\d.]+) ([\d.]+) ([\d.]+) (-[\d.]+) re f")


def _login(client, school, username, group=None):
    """A user of `school` (in the group), logged in on the client (a session in its schema)."""
    with schema_context(school.schema_name):
        user = get_user_model().objects.create_user(username=username, password="x")
        if group:
            user.groups.add(Group.objects.get(name=group))
        else:  # may open the admin, but is neither editor nor principal
            user.user_permissions.add(
                *Group.objects.get(name=EDITOR_GROUP).permissions.filter(codename="access_admin")
            )
        client.force_login(user)


def _qr_cells(pdf_bytes: bytes) -> set[tuple[int, int]]:
    """The dark modules of the (first) QR code drawn on page 1, as (row, column) from its
    first dark module's top-left corner, rebuilt from the PDF's filled rectangles."""
    content = PdfReader(io.BytesIO(pdf_bytes)).pages[0].get_contents().get_data()
    rects = [tuple(map(float, found)) for found in RECT.findall(content)]
    module = min(-h for *_, h in rects)
    left = min(x for x, *_ in rects)
    top = max(y for _, y, *_ in rects)
    cells = set()
    for x, y, w, _h in rects:
        row, start = round((top - y) / module), round((x - left) / module)
        cells |= {(row, start + n) for n in range(round(w / module))}
    return cells


def _segno_cells(url: str) -> set[tuple[int, int]]:
    rows = list(segno.make(url, error="m", micro=False).matrix_iter(scale=1, border=0))
    return {(r, c) for r, row in enumerate(rows) for c, dark in enumerate(row) if dark}


def test_the_principal_downloads_a_poster_with_the_school_and_its_qr(client, school, host):
    with schema_context(school.schema_name):
        contact = m.ContactPage.objects.get()
        contact.address = "12 Lê Lợi, phường Thuận Hóa, TP Huế"
        contact.phone = "0234 3822 124"
        contact.save_revision().publish()
    _login(client, school, "hieutruong", PRINCIPAL_GROUP)
    index = client.get("/admin/quang-ba-website/", HTTP_HOST=host)
    assert index.status_code == 200
    html = index.content.decode()
    assert "/admin/quang-ba-website/ap-phich.pdf" in html and f"http://{host}/" in html
    response = client.get("/admin/quang-ba-website/ap-phich.pdf", HTTP_HOST=host)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    flat = " ".join(text.split())
    assert school.name.upper() in flat
    assert "12 Lê Lợi, phường Thuận Hóa, TP Huế" in flat and "0234 3822 124" in flat
    assert f"http://{host}/" in flat
    assert _qr_cells(response.content) == _segno_cells(f"http://{host}/")


def test_an_editor_downloads_four_handout_cards_on_a_sheet(client, school, host):
    _login(client, school, "bientap", EDITOR_GROUP)
    response = client.get("/admin/quang-ba-website/the-phat-tay.pdf", HTTP_HOST=host)
    assert response.status_code == 200
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    assert [round(float(v)) for v in reader.pages[0].mediabox[2:]] == [595, 842]  # A4 in pt
    text = " ".join(reader.pages[0].extract_text().split())
    assert text.count(school.name) == 4 and text.count(f"http://{host}/theo-doi/") == 4


def test_only_editors_and_the_principal_see_and_download_it(client, school, host):
    _login(client, school, "khach")
    for url in ("/admin/quang-ba-website/", "/admin/quang-ba-website/ap-phich.pdf"):
        refused = client.get(url, HTTP_HOST=host)
        assert refused.status_code == 302 and refused["Location"] == "/admin/", url
    assert "/admin/quang-ba-website/" not in client.get("/admin/", HTTP_HOST=host).content.decode()
    client.logout()
    anonymous = client.get("/admin/quang-ba-website/ap-phich.pdf", HTTP_HOST=host)
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]


def test_a_user_of_one_school_cannot_download_another_schools(client, school, authority):
    from tests.factories import school_make

    other = school_make(authority=authority, name="THCS Lê Lợi")
    _login(client, school, "hieutruong", PRINCIPAL_GROUP)
    response = client.get(
        "/admin/quang-ba-website/ap-phich.pdf", HTTP_HOST=other.provisioned.domain
    )
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
