"""The news and document forms, the disclosure drafts' order, and where the editor lands."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django_tenants.utils import schema_context
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from sitepages import models as m
from sitepages.disclosure_items import items_for_levels
from sitepages.services.disclosure import disclosure_year_create
from tests.sitepages.conftest import png_file

pytestmark = pytest.mark.django_db


def news_add_url(school):
    with schema_context(school.schema_name):
        return f"/admin/pages/add/sitepages/newspage/{m.NewsIndexPage.objects.get().pk}/"


def photo(name, colour):
    image = png_file(name, size=(320, 200), colour=colour)
    return SimpleUploadedFile(name, image.read(), content_type="image/png")


def test_three_photos_in_one_choice_with_one_alt_text_and_home_after_publish(
    client, school, school_admin, host, media_root
):
    data = nested_form_data(
        {
            "title": "Hội thi trồng cây",
            "slug": "hoi-thi-trong-cay",
            "kind": "ordinary",
            "event_date": dt.date.today().strftime("%d/%m/%Y"),
            "summary": "",
            "body": rich_text("Học sinh trồng cây."),
            "gallery": streamfield([]),
            "attachments": streamfield([]),
        }
    )
    data["photos"] = [photo("a.png", (200, 0, 0)), photo("b.png", (0, 200, 0))]
    refused = client.post(news_add_url(school), data, HTTP_HOST=host)
    assert refused.status_code == 200
    assert "Hãy nhập mô tả ảnh (văn bản thay thế)." in refused.content.decode()
    data["photos"] = [photo(f"{n}.png", (n * 60, 90, 10)) for n in range(3)]
    data["photos_alt"] = "Học sinh lớp 6A trồng cây"
    data["action-publish"] = "action-publish"
    response = client.post(news_add_url(school), data, HTTP_HOST=host)
    assert response.status_code == 302 and response["Location"] == "/admin/"
    with schema_context(school.schema_name):
        news = m.NewsPage.objects.get()
        assert news.live
        photos = [block.value for block in news.gallery]
        assert [image.description for image in photos] == [
            f"Học sinh lớp 6A trồng cây ({n}/3)" for n in (1, 2, 3)
        ]
        assert news.image == photos[0]
        url = news.url
    html = client.get(url, HTTP_HOST=host).content.decode()
    assert 'alt="Học sinh lớp 6A trồng cây (3/3)"' in html


def test_the_urgent_notice_form_opens_urgent_and_received_now(client, school, school_admin, host):
    html = client.get("/admin/tin-tuc/thong-bao-khan/", HTTP_HOST=host).content.decode()
    assert '<option value="urgent" selected>' in html
    assert 'name="received_at"' in html and 'name="received_at" value=""' not in html
    # The news form carries the script that hides the urgent-only fields for other kinds.
    assert "received_at" in html and "urgent_until" in html and 'kind.value !== "urgent"' in html


def test_a_documents_title_is_its_number_and_summary_unless_changed(
    client, school, school_admin, host, media_root
):
    with schema_context(school.schema_name):
        from wagtail.documents import get_document_model

        parent = m.DocumentIndexPage.objects.get().pk
        file = get_document_model().objects.create(
            title="qd", file=SimpleUploadedFile("qd.pdf", b"%PDF-1.4 x")
        )
    url = f"/admin/pages/add/sitepages/officialdocumentpage/{parent}/"
    fields = {
        "title": "",
        "slug": "",
        "number": "123/QĐ-THCS",
        "issuer": "Trường THCS Nguyễn Du",
        "issued_on": "25/11/2026",
        "summary": "Về việc thành lập đội tuyển học sinh giỏi",
        "file": str(file.pk),
        "attachments": streamfield([]),
    }
    response = client.post(url, nested_form_data(fields), HTTP_HOST=host)
    assert response.status_code == 302, response.content.decode()[:3000]
    with schema_context(school.schema_name):
        page = m.OfficialDocumentPage.objects.get()
        assert page.title == "123/QĐ-THCS – Về việc thành lập đội tuyển học sinh giỏi"
        assert page.slug.startswith("123-qd-thcs-ve-viec-thanh-lap")
    fields.update(title="Quyết định thành lập đội tuyển", slug=page.slug)
    client.post(f"/admin/pages/{page.pk}/edit/", nested_form_data(fields), HTTP_HOST=host)
    with schema_context(school.schema_name):
        revision = m.OfficialDocumentPage.objects.get().get_latest_revision_as_object()
        assert revision.title == "Quyết định thành lập đội tuyển"


def test_disclosure_drafts_list_in_the_circulars_order(client, school, school_admin, host):
    with schema_context(school.schema_name):
        year, _ = disclosure_year_create(
            index=m.DisclosureIndexPage.objects.get(),
            school_year_start=2026,
            levels=["lower_secondary"],
        )
        titles = [item.title for item in items_for_levels(["lower_secondary"])]
    html = client.get(f"/admin/pages/{year.pk}/", HTTP_HOST=host).content.decode()
    positions = [html.find(title[:40]) for title in titles[:6]]
    assert -1 not in positions and positions == sorted(positions)


def test_a_documents_file_is_uploaded_in_the_same_form(
    client, school, school_admin, host, media_root
):
    with schema_context(school.schema_name):
        parent = m.DocumentIndexPage.objects.get().pk
    url = f"/admin/pages/add/sitepages/officialdocumentpage/{parent}/"
    fields = {
        "title": "",
        "slug": "",
        "number": "45/KH-THCS",
        "issuer": "Trường THCS Nguyễn Du",
        "issued_on": "26/11/2026",
        "summary": "Kế hoạch tổ chức hội thi",
        "attachments": streamfield([]),
    }
    missing = client.post(url, nested_form_data(fields), HTTP_HOST=host)
    assert missing.status_code == 200
    assert "Hãy chọn tệp văn bản trong thư viện hoặc tải tệp lên." in missing.content.decode()
    data = nested_form_data(fields)
    data["file_upload"] = SimpleUploadedFile("virus.exe", b"MZ")
    refused = client.post(url, data, HTTP_HOST=host)
    assert refused.status_code == 200 and "exe" in refused.content.decode()
    data["file_upload"] = SimpleUploadedFile("ke-hoach-45.pdf", b"%PDF-1.4 ke hoach")
    response = client.post(url, data, HTTP_HOST=host)
    assert response.status_code == 302, response.content.decode()[:3000]
    with schema_context(school.schema_name):
        page = m.OfficialDocumentPage.objects.get()
        assert page.title == "45/KH-THCS – Kế hoạch tổ chức hội thi"
        assert page.file.filename.startswith("ke-hoach-45") and page.file.title == page.title
