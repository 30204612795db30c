"""Text pasted in NFD (macOS, Word) through the real admin is stored as typed text (NFC)."""

import datetime as dt
import unicodedata

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django_tenants.utils import schema_context
from wagtail.documents import get_document_model
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from sitepages import models as m
from tests.sitepages.helpers import publish_child

pytestmark = pytest.mark.django_db

TITLE = "Hội thi văn nghệ chào mừng 20/11"
SUMMARY = "Thông báo về lịch thi đấu của Đoàn trường"
BODY = "Học sinh khối 7 đăng ký với cô Hòa trước thứ Năm."
LABEL = "Kế hoạch tổ chức"


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def test_page_edit_with_nfd_text_stores_nfc(client, school, school_admin, host, media_root):
    with schema_context(school.schema_name):
        news = m.NewsIndexPage.objects.get()
        page = publish_child(
            news,
            m.NewsPage(title="Tin cũ", body="<p>cũ</p>", event_date=dt.date(2026, 11, 16)),
        )
        document = get_document_model().objects.create(
            title="Kế hoạch", file=ContentFile(b"%PDF-1.4", name="ke-hoach.pdf")
        )
    data = nested_form_data(
        {
            "title": nfd(TITLE),
            "slug": page.slug,
            "kind": "ordinary",
            "event_date": "16/11/2026",
            "summary": nfd(SUMMARY),
            "body": rich_text(f"<p>{nfd(BODY)}</p>"),
            "attachments": streamfield([("file", {"document": document.pk, "label": nfd(LABEL)})]),
            "gallery": streamfield([]),
            "action-publish": "action-publish",
        }
    )
    response = client.post(f"/admin/pages/{page.pk}/edit/", data, HTTP_HOST=host)
    assert response.status_code == 302, response.content.decode()[:3000]
    with schema_context(school.schema_name):
        stored = m.NewsPage.objects.get(pk=page.pk)
        assert stored.title == TITLE
        assert stored.summary == SUMMARY
        assert BODY in stored.body
        assert stored.attachments[0].value["label"] == LABEL
        revision = stored.latest_revision.content
        assert revision["title"] == TITLE and BODY in revision["body"]
        assert m.NewsPage.objects.filter(title=TITLE).exists()  # equal to typed text


def test_document_upload_with_an_nfd_name_keeps_every_letter(
    client, school, school_admin, host, media_root
):
    upload = SimpleUploadedFile(
        nfd("Kế hoạch tháng 11.pdf"), b"%PDF-1.4 x", content_type="application/pdf"
    )
    response = client.post(
        "/admin/documents/add/", {"title": nfd("Kế hoạch tháng 11"), "file": upload}, HTTP_HOST=host
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    with schema_context(school.schema_name):
        document = get_document_model().objects.get()
        assert document.title == "Kế hoạch tháng 11"
        assert document.filename == "Kế_hoạch_tháng_11.pdf"
