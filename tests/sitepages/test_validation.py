"""Periods are structured and checked: malformed periods and second pages for a period fail."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from django_tenants.utils import schema_context
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from sitepages import models as m
from tests.sitepages.helpers import publish_child

pytestmark = pytest.mark.django_db

MONDAY = dt.date(2026, 11, 16)


def _errors(page) -> dict:
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    return error.value.message_dict


def test_week_start_must_be_a_monday(school):
    with schema_context(school.schema_name):
        page = m.WeeklyPlanPage(title="KH tuần", slug="kh", week_start=dt.date(2026, 11, 18))
        errors = _errors(page)
    assert errors["week_start"] == [
        "Ngày đầu tuần phải là thứ Hai: 18/11/2026 là Thứ Tư. Hãy chọn thứ Hai 16/11/2026."
    ]


def test_month_must_be_the_first(school):
    with schema_context(school.schema_name):
        errors = _errors(m.MonthlyPlanPage(title="KH tháng", slug="t", month=dt.date(2026, 11, 5)))
    assert "hãy chọn 01/11/2026" in errors["month"][0]


def test_second_page_for_the_same_week_is_refused_but_the_page_itself_is_fine(school):
    with schema_context(school.schema_name):
        plans = m.PlanIndexPage.objects.get()
        first = publish_child(plans, m.WeeklyPlanPage(title="Kế hoạch tuần 11", week_start=MONDAY))
        first.full_clean()  # editing the page itself is not a duplicate
        second = m.WeeklyPlanPage(title="Kế hoạch khác", slug="khac", week_start=MONDAY)
        errors = _errors(second)
        assert "Đã có trang “Kế hoạch tuần 11”" in errors["week_start"][0]
        # The same week for another page type is fine; so is another week.
        m.WorkSchedulePage(title="Lịch", slug="lich", week_start=MONDAY).full_clean(
            exclude=["path", "depth"]
        )
        m.WeeklyPlanPage(
            title="Tuần sau", slug="tuan-sau", week_start=MONDAY + dt.timedelta(days=7)
        ).full_clean(exclude=["path", "depth"])


def test_duplicate_is_refused_even_when_the_first_is_a_draft(school):
    with schema_context(school.schema_name):
        plans = m.PlanIndexPage.objects.get()
        plans.add_child(
            instance=m.MonthlyPlanPage(
                title="Nháp", slug="nhap", month=dt.date(2026, 11, 1), live=False
            )
        )
        errors = _errors(m.MonthlyPlanPage(title="Mới", slug="moi", month=dt.date(2026, 11, 1)))
    assert "Đã có trang “Nháp”" in errors["month"][0]


def test_timetable_semester_and_effective_date(school):
    with schema_context(school.schema_name):
        bad_semester = _errors(
            m.TimetablePage(
                title="TKB",
                slug="tkb",
                school_year_start=2026,
                semester=3,
                effective_from=dt.date(2026, 9, 7),
            )
        )
        outside = _errors(
            m.TimetablePage(
                title="TKB",
                slug="tkb",
                school_year_start=2026,
                semester=1,
                effective_from=dt.date(2028, 1, 1),
            )
        )
        bad_year = _errors(m.AnnualPlanPage(title="KH", slug="kh", school_year_start=1999))
    assert bad_semester["semester"] == ["Học kỳ phải là 1 hoặc 2."]
    assert "01/08/2026 – 31/07/2027" in outside["effective_from"][0]
    assert bad_year["school_year_start"] == ["Năm học phải từ 2000 trở đi."]


def test_urgent_news_needs_received_at_and_gets_a_default_expiry(school):
    with schema_context(school.schema_name):
        news = m.NewsIndexPage.objects.get()
        errors = _errors(m.NewsPage(title="Nghỉ học", slug="n", kind="urgent", body="<p>x</p>"))
        assert "thời điểm nhà trường nhận" in errors["received_at"][0]
        received = timezone.now() - dt.timedelta(hours=1)
        page = publish_child(
            news,
            m.NewsPage(
                title="Nghỉ học do bão", kind="urgent", received_at=received, body="<p>x</p>"
            ),
        )
        assert page.urgent_until == received + dt.timedelta(days=7)
        late = m.NewsPage(
            title="x",
            slug="x2",
            kind="urgent",
            received_at=received,
            urgent_until=received - dt.timedelta(minutes=1),
            body="<p>x</p>",
        )
        assert "phải sau" in _errors(late)["urgent_until"][0]
        # Ordinary news needs none of it.
        publish_child(news, m.NewsPage(title="Tin thường", body="<p>x</p>"))


def test_official_document_dates_and_contact_rows(school):
    with schema_context(school.schema_name):
        doc = m.OfficialDocumentPage(
            title="QĐ",
            slug="qd",
            number="12/QĐ-THCS",
            issuer="Trường",
            issued_on=dt.date(2026, 11, 2),
            effective_on=dt.date(2026, 11, 1),
            summary="x",
        )
        assert "trước ngày ban hành" in _errors(doc)["effective_on"][0]
        row = m.ContactRow(name="Văn phòng", phone="12345", email="vanphong")
        errors = _errors(row)
        assert "không hợp lệ" in errors["phone"][0] and errors["email"]
        empty = m.ContactRow(name="Kế toán")
        with pytest.raises(ValidationError, match="ít nhất số điện thoại"):
            empty.clean()


def test_disclosure_item_school_year_must_match_its_year_page(school):
    with schema_context(school.schema_name):
        index = m.DisclosureIndexPage.objects.get()
        year = publish_child(
            index, m.DisclosureYearPage(title="Năm học 2026", school_year_start=2026)
        )
        page = m.DisclosurePage(title="Sứ mạng", slug="a4-3", item="a4-3", school_year_start=2025)
        page.live = False
        year.add_child(instance=page)
        errors = _errors(page)
        assert "Năm học phải là 2026" in errors["school_year_start"][0]
        form_class = m.DisclosurePage.get_edit_handler().get_form_class()
        form = form_class(parent_page=year, instance=m.DisclosurePage(), for_user=None)
        assert form.initial["school_year_start"] == 2026


def test_admin_create_form_shows_the_period_errors(client, school, school_admin, host):
    with schema_context(school.schema_name):
        plans = m.PlanIndexPage.objects.get()
        publish_child(plans, m.WeeklyPlanPage(title="Kế hoạch tuần 11", week_start=MONDAY))
    url = f"/admin/pages/add/sitepages/weeklyplanpage/{plans.pk}/"

    def post(week_start):
        data = nested_form_data(
            {
                "title": "Kế hoạch mới",
                "slug": "ke-hoach-moi",
                "week_start": week_start,
                "body": rich_text("<p>Nội dung</p>"),
                "attachments": streamfield([]),
            }
        )
        return client.post(url, data, HTTP_HOST=host)

    response = post("18/11/2026")
    assert response.status_code == 200
    assert "Ngày đầu tuần phải là thứ Hai" in response.content.decode()
    response = post("16/11/2026")
    assert response.status_code == 200
    assert "Đã có trang “Kế hoạch tuần 11”" in response.content.decode()
    response = post("23/11/2026")
    assert response.status_code == 302
    with schema_context(school.schema_name):
        assert m.WeeklyPlanPage.objects.filter(week_start=dt.date(2026, 11, 23)).exists()
