"""Uploads are checked by their content; SVG and HTML are refused; documents are served safely.

Issue 11: a malformed GIF (right header, broken picture data) was accepted and then failed with
a 500 when its thumbnail was made. Now every new image is decoded at upload, and a broken one
or a text file renamed `.jpg` gets a Vietnamese message on the form (single and multiple
upload). SVG (which can carry scripts) is not an accepted image or document type, nor is HTML;
documents are served by Django with their type, `nosniff`, `default-src 'none'`, and as an
attachment unless they are PDFs.
"""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django_tenants.utils import schema_context
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

pytestmark = pytest.mark.django_db
BROKEN = "không đọc được như một ảnh"
SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script><rect width='10' height='10'/></svg>"
)


def _gif(frames=3) -> bytes:
    buffer = io.BytesIO()
    pictures = [PILImage.new("P", (64, 64), colour * 40) for colour in range(frames)]
    pictures[0].save(buffer, format="GIF", save_all=True, append_images=pictures[1:])
    return buffer.getvalue()


def _png() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (32, 32), (30, 90, 160)).save(buffer, format="PNG")
    return buffer.getvalue()


def _add_image(client, host, name, content):
    data = {
        "title": "Ảnh thử",
        "description": "Sân trường",
        "file": SimpleUploadedFile(name, content),
    }
    return client.post("/admin/images/add/", data, HTTP_HOST=host)


def _images(school) -> int:
    with schema_context(school.schema_name):
        return get_image_model().objects.count()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("hoat-dong.gif", _gif()[:120], BROKEN),  # the header and a torn first frame
        ("anh-dong.gif", _gif()[:-40], BROKEN),  # the last frame cut short
        ("anh-the.jpg", "Đây là một tệp văn bản.".encode(), "ảnh"),  # a renamed text file
        ("logo.svg", SVG, "Định dạng ảnh không được hỗ trợ"),
    ],
)
def test_a_bad_image_is_refused_with_a_vietnamese_message(
    school, host, client, school_admin, media_root, name, content, message
):
    before = _images(school)
    response = _add_image(client, host, name, content)
    assert response.status_code == 200
    assert message in response.text
    assert _images(school) == before


def test_a_broken_gif_is_refused_by_the_multiple_uploader_too(
    school, host, client, school_admin, media_root
):
    response = client.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile("hoat-dong.gif", _gif()[:120])},
        HTTP_HOST=host,
    )
    assert response.status_code == 200
    data = response.json()
    assert data["success"] is False and BROKEN in data["error_message"]
    assert _images(school) == 0


def test_a_good_image_is_still_accepted_and_shown(school, host, client, school_admin, media_root):
    for name, content in (("san-truong.png", _png()), ("hoat-dong.gif", _gif())):
        response = _add_image(client, host, name, content)
        assert response.status_code == 302, response.text[:500]
    assert _images(school) == 2
    with schema_context(school.schema_name):
        image = get_image_model().objects.get(title="Ảnh thử", file__endswith=".gif")
        assert image.get_rendition("fill-40x40").width == 40


@pytest.mark.parametrize("name", ["trang.html", "trang.htm", "logo.svg", "script.js"])
def test_html_svg_and_scripts_are_not_accepted_as_documents(
    school, host, client, school_admin, media_root, name
):
    data = {"title": "Tài liệu", "file": SimpleUploadedFile(name, b"<script>alert(1)</script>")}
    response = client.post("/admin/documents/add/", data, HTTP_HOST=host)
    assert response.status_code == 200
    with schema_context(school.schema_name):
        assert not get_document_model().objects.exists()


def test_documents_are_served_with_their_type_and_never_as_a_page(school, host, client, media_root):
    with schema_context(school.schema_name):
        documents = {
            name: get_document_model()
            .objects.create(title=name, file=ContentFile(content, name=name))
            .url
            for name, content in (
                ("ke-hoach.pdf", b"%PDF-1.4\n"),
                ("gia-dang.pdf", b"<html><script>alert(1)</script></html>"),
                ("bao-cao.docx", b"PK\x03\x04"),
            )
        }
    for name, url in documents.items():
        response = client.get(url, HTTP_HOST=host)
        assert response.status_code == 200, name
        assert response["X-Content-Type-Options"] == "nosniff", name
        assert response["Content-Security-Policy"].startswith("default-src 'none'"), name
        assert "html" not in response["Content-Type"], name
    pdf = client.get(documents["gia-dang.pdf"], HTTP_HOST=host)
    assert pdf["Content-Type"] == "application/pdf"  # HTML in a .pdf stays a (broken) PDF
    docx = client.get(documents["bao-cao.docx"], HTTP_HOST=host)
    assert docx["Content-Disposition"].startswith("attachment")
