"""The admin's page forms turn an uploaded or pasted table into the page's rows."""

import datetime as dt
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django_tenants.utils import schema_context
from wagtail.documents import get_document_model
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from sitepages import models as m
from sitepages.period_kinds import KINDS
from sitepages.services.periodic import period_page_draft_get_or_create

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures"
WEEK = dt.date(2026, 11, 30)


def draft(school, code, period=WEEK):
    with schema_context(school.schema_name):
        page, _created = period_page_draft_get_or_create(kind=KINDS[code], period=period)
        return page


def upload(name):
    return SimpleUploadedFile(name, (FIXTURES / name).read_bytes())


def week_form(page, **extra):
    fields = {"title": page.title, "slug": page.slug, "week_start": "30/11/2026"}
    fields.update(extra)
    return nested_form_data(fields)


def test_a_work_schedule_from_the_docx_keeps_the_file_and_the_unread_line(
    client, school, school_admin, host, media_root
):
    page = draft(school, "work-schedule")
    data = week_form(
        page, entries=streamfield([]), attachments=streamfield([]), notes=rich_text("")
    )
    data["import_file"] = upload("lich-cong-tac-tuan.docx")
    response = client.post(f"/admin/pages/{page.pk}/edit/", data, HTTP_HOST=host, follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Đã điền 9 dòng từ bảng" in html and "lich-cong-tac-tuan.docx" in html
    assert "1 dòng chưa đọc được" in html and "Dòng 11" in html
    with schema_context(school.schema_name):
        page = m.WorkSchedulePage.objects.get(pk=page.pk).get_latest_revision_as_object()
        entries = [block.value for block in page.entries]
        assert len(entries) == 9
        assert entries[0]["content"] == "Chào cờ đầu tuần" and entries[0]["weekday"] == "0"
        assert entries[8]["weekday"] == "5"
        document = page.attachments[0].value["document"]
        assert document.filename.endswith(".docx")
        assert get_document_model().objects.filter(pk=document.pk).exists()
        assert "Các tổ chuyên môn nộp kế hoạch tháng 12" in page.notes
        assert "hãy sửa" in page.notes


def test_a_lesson_register_from_the_xlsx(client, school, school_admin, host, media_root):
    page = draft(school, "lesson-register")
    data = week_form(
        page,
        lessons=streamfield([]),
        registers=streamfield([]),
        attachments=streamfield([]),
        notes=rich_text(""),
    )
    data["import_file"] = upload("lich-bao-giang.xlsx")
    response = client.post(f"/admin/pages/{page.pk}/edit/", data, HTTP_HOST=host)
    assert response.status_code == 302, response.content.decode()[:3000]
    with schema_context(school.schema_name):
        page = m.LessonRegisterPage.objects.get(pk=page.pk).get_latest_revision_as_object()
        assert [b.value["lesson"] for b in page.lessons][:2] == ["Bài 12: Phép chia hết"] * 2
        assert len(page.lessons) == 6
        assert page.attachments[0].value["document"].filename.endswith(".xlsx")


def test_a_table_pasted_into_the_menu(client, school, school_admin, host):
    with schema_context(school.schema_name):
        home = m.HomePage.objects.get()
        home.add_child(instance=m.MenuIndexPage(title="Thực đơn", slug="thuc-don"))
    page = draft(school, "menu")
    pasted = "Thứ\tBữa sáng\tBữa trưa\r\nThứ Hai\tCháo\tCơm gà\r\nThứ Ba\tBún\tCơm cá\r\n"
    data = week_form(page, days=streamfield([]), attachments=streamfield([]), notes=rich_text(""))
    data["import_text"] = pasted
    response = client.post(f"/admin/pages/{page.pk}/edit/", data, HTTP_HOST=host)
    assert response.status_code == 302
    with schema_context(school.schema_name):
        page = m.MenuPage.objects.get(pk=page.pk).get_latest_revision_as_object()
        assert [(b.value["weekday"], b.value["lunch"]) for b in page.days] == [
            ("0", "Cơm gà"),
            ("1", "Cơm cá"),
        ]
        assert len(page.attachments) == 0  # a paste has no file to attach


def test_a_timetable_grid_from_the_xlsx_shows_to_parents(
    client, school, school_admin, host, media_root
):
    page = draft(school, "timetable", (2026, 1))
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "school_year_start": "2026",
            "semester": "1",
            "effective_from": page.effective_from.strftime("%d/%m/%Y"),
            "grid": streamfield([]),
            "body": rich_text(""),
            "classes": streamfield([]),
            "attachments": streamfield([]),
        }
    )
    data["import_file"] = upload("thoi-khoa-bieu.xlsx")
    data["action-publish"] = "action-publish"
    response = client.post(f"/admin/pages/{page.pk}/edit/", data, HTTP_HOST=host)
    assert response.status_code == 302, response.content.decode()[:3000]
    with schema_context(school.schema_name):
        page = m.TimetablePage.objects.get(pk=page.pk)
        assert page.live
        assert page.grid[0].value["data"][0] == ["Thứ", "Tiết", "6A", "6B", "7A"]
        url = page.url
    html = client.get(url, HTTP_HOST=host).content.decode()
    assert "Chào cờ" in html and "<table" in html
    assert "<option>6B</option>" in html  # parents pick a class from the school's own grid


def test_an_unreadable_file_is_refused_with_a_vietnamese_message(
    client, school, school_admin, host
):
    page = draft(school, "work-schedule")
    data = week_form(
        page, entries=streamfield([]), attachments=streamfield([]), notes=rich_text("")
    )
    data["import_file"] = SimpleUploadedFile("lich.pdf", b"%PDF-1.4 x")
    response = client.post(f"/admin/pages/{page.pk}/edit/", data, HTTP_HOST=host)
    assert response.status_code == 200
    assert "không đọc được bảng trong PDF" in response.content.decode()
    with schema_context(school.schema_name):
        assert not get_document_model().objects.exists()
