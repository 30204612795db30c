"""The editor's side: create-this-period buttons, disclosure tree, uploads, roles."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django_tenants.utils import schema_context
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form
from wagtail.models import PageLogEntry

from sitepages import models as m
from sitepages.disclosure_items import items_for_levels
from sitepages.period_kinds import KINDS
from sitepages.roles import EDITOR_GROUP
from sitepages.services.disclosure import disclosure_year_create
from tests.sitepages.conftest import png_file

pytestmark = pytest.mark.django_db


def test_create_button_makes_one_draft_with_the_period_filled(client, school, school_admin, host):
    data = {"kind": "weekly-plan", "period": "2026-11-16"}
    response = client.post("/admin/viec-can-lam/tao/", data, HTTP_HOST=host)
    assert response.status_code == 302
    with schema_context(school.schema_name):
        page = m.WeeklyPlanPage.objects.get()
        assert response["Location"] == f"/admin/pages/{page.pk}/edit/"
        assert page.week_start == dt.date(2026, 11, 16)
        assert page.title == "Kế hoạch tuần 11 (16/11 – 22/11/2026)"
        assert page.slug == "ke-hoach-tuan-11-16-11-22-11-2026"
        assert not page.live and page.latest_revision_id and page.owner == school_admin
        assert page.get_parent().specific_class is m.PlanIndexPage
        assert PageLogEntry.objects.filter(page=page, action="wagtail.create").exists()
    again = client.post("/admin/viec-can-lam/tao/", data, HTTP_HOST=host)
    assert again["Location"] == f"/admin/pages/{page.pk}/edit/"
    with schema_context(school.schema_name):
        assert m.WeeklyPlanPage.objects.count() == 1
    edit = client.get(again["Location"], HTTP_HOST=host)
    # The week is picked by its teaching-week label (sitepages/page_forms.py).
    assert edit.status_code == 200
    assert '<option value="2026-11-16" selected>Tuần 11 (16/11 – 22/11/2026)</option>' in (
        edit.content.decode()
    )


@pytest.mark.parametrize(
    ("kind", "period", "field", "value"),
    [
        ("work-schedule", "2026-11-16", "week_start", dt.date(2026, 11, 16)),
        ("monthly-plan", "2026-12-01", "month", dt.date(2026, 12, 1)),
        ("annual-plan", "2026", "school_year_start", 2026),
        ("timetable", "2026-2", "semester", 2),
    ],
)
def test_every_kind_lands_in_its_section(
    client, school, school_admin, host, kind, period, field, value
):
    response = client.post(
        "/admin/viec-can-lam/tao/", {"kind": kind, "period": period}, HTTP_HOST=host
    )
    assert response.status_code == 302
    with schema_context(school.schema_name):
        page = KINDS[kind].model.objects.get()
        assert getattr(page, field) == value
        assert page.get_parent().specific_class is KINDS[kind].parent_model


def test_create_button_refuses_bad_periods_and_users_without_rights(client, school, host):
    with schema_context(school.schema_name):
        users = get_user_model().objects
        nobody = users.create_user(username="khach", password="x")
        nobody.user_permissions.add(
            *Group.objects.get(name=EDITOR_GROUP).permissions.filter(codename="access_admin")
        )
        editor = users.create_user(username="bientap", password="x")
        editor.groups.add(Group.objects.get(name=EDITOR_GROUP))
        client.force_login(nobody)
    url = "/admin/viec-can-lam/tao/"
    bad = client.post(url, {"kind": "weekly-plan", "period": "2026-11-18"}, HTTP_HOST=host)
    assert bad.status_code == 400
    unknown = client.post(url, {"kind": "x", "period": "2026-11-16"}, HTTP_HOST=host)
    assert unknown.status_code == 400
    refused = client.post(url, {"kind": "weekly-plan", "period": "2026-11-16"}, HTTP_HOST=host)
    assert refused.status_code == 302 and refused["Location"] == "/admin/"  # Wagtail's refusal
    with schema_context(school.schema_name):
        assert not m.WeeklyPlanPage.objects.exists()
    with schema_context(school.schema_name):
        client.force_login(editor)
    created = client.post(url, {"kind": "weekly-plan", "period": "2026-11-16"}, HTTP_HOST=host)
    assert created.status_code == 302
    with schema_context(school.schema_name):
        assert m.WeeklyPlanPage.objects.get().owner == editor


def test_disclosure_year_tree_in_one_click(client, school, school_admin, host):
    with schema_context(school.schema_name):
        index = m.DisclosureIndexPage.objects.get()
        year, created = disclosure_year_create(
            index=index, school_year_start=2026, levels=["lower_secondary"]
        )
        expected = items_for_levels(["lower_secondary"])
        assert created == len(expected) and year.live
        items = m.DisclosurePage.objects.child_of(year)
        assert [p.item for p in items.order_by("path")] == [i.code for i in expected]
        assert not items.filter(live=True).exists()
        assert all(p.school_year_start == 2026 for p in items)
        assert (
            disclosure_year_create(index=index, school_year_start=2026, levels=["lower_secondary"])[
                1
            ]
            == 0
        )
    url = f"/admin/cong-khai/{index.pk}/tao-nam-hoc/"
    assert "Tạo cây công khai năm học" in client.get(url, HTTP_HOST=host).content.decode()
    response = client.post(url, {"school_year_start": "2027"}, HTTP_HOST=host)
    assert response.status_code == 302
    with schema_context(school.schema_name):
        later = m.DisclosureYearPage.objects.get(school_year_start=2027)
        assert m.DisclosurePage.objects.child_of(later).count() == len(expected)
    html = client.get(f"/cong-khai/{later.slug}/", HTTP_HOST=host).content.decode()
    assert "đang cập nhật" in html  # drafts are not shown to parents


def test_vietnamese_file_names_upload_and_download(client, school, school_admin, host, media_root):
    name = "Kế hoạch tháng 11 – Đoàn.pdf"
    upload = SimpleUploadedFile(name, b"%PDF-1.4 noi dung", content_type="application/pdf")
    response = client.post(
        "/admin/documents/add/", {"title": "Kế hoạch tháng 11", "file": upload}, HTTP_HOST=host
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    with schema_context(school.schema_name):
        document = get_document_model().objects.get()
        assert "Đoàn" in document.filename
        url = document.url
    download = client.get(url, HTTP_HOST=host)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"%PDF-1.4 noi dung"
    assert "filename*=utf-8''" in download["Content-Disposition"].lower()


def test_uploads_refuse_other_types_and_big_files(
    client, school, school_admin, host, media_root, settings
):
    exe = SimpleUploadedFile("virus.exe", b"MZ", content_type="application/octet-stream")
    response = client.post("/admin/documents/add/", {"title": "x", "file": exe}, HTTP_HOST=host)
    assert response.status_code == 200 and "exe" in response.content.decode()
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 10
    big = SimpleUploadedFile("lon.pdf", b"%PDF-1.4 " + b"x" * 100, content_type="application/pdf")
    response = client.post("/admin/documents/add/", {"title": "x", "file": big}, HTTP_HOST=host)
    assert response.status_code == 200 and "file" in response.context["form"].errors
    with schema_context(school.schema_name):
        assert not get_document_model().objects.exists()


@override_settings(WAGTAILIMAGES_IMAGE_FORM_BASE="sitepages.forms.SchoolImageForm")
def test_alt_text_is_required_on_uploaded_images(client, school, school_admin, host, media_root):
    with schema_context(school.schema_name):
        form_class = get_image_form(get_image_model())
        form = form_class({"title": "Ảnh"}, {"file": png_file()}, user=school_admin)
        assert not form.is_valid()
        assert form.errors["description"] == ["Hãy nhập mô tả ảnh (văn bản thay thế)."]
    response = client.post(
        "/admin/images/add/", {"title": "Ảnh", "file": png_file()}, HTTP_HOST=host
    )
    assert response.status_code == 200 and "văn bản thay thế" in response.content.decode()
    response = client.post(
        "/admin/images/add/",
        {"title": "Ảnh", "description": "Học sinh trồng cây", "file": png_file()},
        HTTP_HOST=host,
    )
    assert response.status_code == 302
    with schema_context(school.schema_name):
        assert get_image_model().objects.get().description == "Học sinh trồng cây"


def test_admin_create_form_of_every_page_type_opens_under_its_section(
    client, school, school_admin, host
):
    parents = {
        m.WeeklyPlanPage: m.PlanIndexPage,
        m.MonthlyPlanPage: m.PlanIndexPage,
        m.AnnualPlanPage: m.PlanIndexPage,
        m.WorkSchedulePage: m.ScheduleIndexPage,
        m.LessonRegisterPage: m.ScheduleIndexPage,
        m.TimetablePage: m.TimetableIndexPage,
        m.NewsPage: m.NewsIndexPage,
        m.AlbumPage: m.NewsIndexPage,
        m.OfficialDocumentPage: m.DocumentIndexPage,
        m.ProcedurePage: m.ProcedureIndexPage,
        m.DisclosureYearPage: m.DisclosureIndexPage,
        m.StandardPage: m.OrganisationPage,
    }
    with schema_context(school.schema_name):
        parent_ids = {model: parent.objects.get().pk for model, parent in parents.items()}
    for model, parent_id in parent_ids.items():
        url = f"/admin/pages/add/sitepages/{model._meta.model_name}/{parent_id}/"
        response = client.get(url, HTTP_HOST=host)
        assert response.status_code == 200, model
        assert f'action="{url}"' in response.content.decode(), model  # the form of that type
    for section in (m.ContactPage, m.OrganisationPage, m.FeedbackFormPage, m.HomePage):
        with schema_context(school.schema_name):
            page_id = section.objects.get().pk
        edit = client.get(f"/admin/pages/{page_id}/edit/", HTTP_HOST=host)
        assert edit.status_code == 200, section
        assert f'action="/admin/pages/{page_id}/edit/"' in edit.content.decode(), section
    with schema_context(school.schema_name):
        news_id = m.NewsIndexPage.objects.get().pk
    # The tree refuses a weekly plan in the news section.
    wrong = client.get(f"/admin/pages/add/sitepages/weeklyplanpage/{news_id}/", HTTP_HOST=host)
    assert wrong.status_code in (302, 403)


def test_branding_setting_is_editable_in_the_admin(client, school, school_admin, host):
    with schema_context(school.schema_name):
        site_id = m.HomePage.objects.get().get_site().pk
    url = f"/admin/settings/sitepages/schoolbranding/{site_id}/"
    form = client.get(url, HTTP_HOST=host)
    assert form.status_code == 200 and 'name="colour"' in form.content.decode()
    response = client.post(url, {"colour": "#ffff00", "footer_text": "x"}, HTTP_HOST=host)
    assert "quá sáng" in response.content.decode()
    response = client.post(
        url, {"colour": "#14532d", "footer_text": "Trường chuẩn quốc gia"}, HTTP_HOST=host
    )
    assert response.status_code == 302
    html = client.get("/", HTTP_HOST=host).content.decode()
    assert "--brand:#14532d" in html and "Trường chuẩn quốc gia" in html
