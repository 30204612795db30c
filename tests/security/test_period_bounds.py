"""Dates on a school's pages stay within 2000–2100, refused with a Vietnamese message.

Reproduces issue 11: a weekly plan for 27/12/9999 was accepted, and then `/ke-hoach/` answered
500 to every visitor (the week ends in year 10000). Now the admin refuses it on the form, and the
property below holds for every date a form could carry.
"""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django_tenants.utils import schema_context
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from sitepages import models as m

pytestmark = pytest.mark.django_db
RANGE_MESSAGE = "nằm ngoài khoảng cho phép (2000–2100)"
EXCLUDE = ["path", "depth"]
PROPERTY = hypothesis_settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def _errors(page) -> dict:
    try:
        page.full_clean(exclude=EXCLUDE)
    except ValidationError as error:
        return error.message_dict
    return {}


def test_weekly_plan_for_the_year_9999_is_refused_on_the_form_and_the_list_still_opens(
    school, school_admin, client, host
):
    with schema_context(school.schema_name):
        plans = m.PlanIndexPage.objects.get()
    data = nested_form_data(
        {
            "title": "Kế hoạch tuần cuối cùng",
            "slug": "ke-hoach-tuan-cuoi",
            "week_start": "27/12/9999",
            "body": rich_text("<p>Nội dung</p>"),
            "attachments": streamfield([]),
            "action-publish": "action-publish",
        }
    )
    url = f"/admin/pages/add/sitepages/weeklyplanpage/{plans.pk}/"
    response = client.post(url, data, HTTP_HOST=host)
    assert response.status_code == 200
    assert "Năm 9999 nằm ngoài khoảng cho phép (2000–2100)" in response.text
    assert "“27/12/9999”" in response.text
    with schema_context(school.schema_name):
        assert not m.WeeklyPlanPage.objects.filter(week_start__year=9999).exists()
    client.logout()
    assert client.get("/ke-hoach/", HTTP_HOST=host).status_code == 200


@PROPERTY
@given(day=st.dates())
def test_week_start_is_refused_exactly_outside_2000_to_2100(school, day):
    monday = day - dt.timedelta(days=day.weekday())
    with schema_context(school.schema_name):
        errors = _errors(m.WeeklyPlanPage(title="Kế hoạch", slug="kh", week_start=monday))
    outside = not 2000 <= monday.year <= 2100
    assert (RANGE_MESSAGE in " ".join(errors.get("week_start", []))) is outside
    if not outside:
        assert errors == {}


@PROPERTY
@given(day=st.dates())
def test_every_dated_page_type_refuses_years_out_of_range(school, day):
    pages = [
        ("month", m.MonthlyPlanPage(title="Tháng", slug="t", month=day.replace(day=1))),
        ("event_date", m.NewsPage(title="Tin", slug="tin", summary="Tóm tắt", event_date=day)),
        (
            "issued_on",
            m.OfficialDocumentPage(title="Văn bản", slug="vb", number="1/QĐ", issued_on=day),
        ),
        ("opens_on", m.AdmissionPage(title="Tuyển sinh", slug="ts", opens_on=day)),
    ]
    outside = not 2000 <= day.year <= 2100
    with schema_context(school.schema_name):
        for field, page in pages:
            messages = " ".join(_errors(page).get(field, []))
            assert (RANGE_MESSAGE in messages) is outside, (field, day, messages)


def test_urgent_news_received_in_the_year_9999_is_a_message_not_a_crash(school):
    received = dt.datetime(9999, 12, 31, 20, tzinfo=dt.UTC)
    with schema_context(school.schema_name):
        page = m.NewsPage(
            title="Khẩn", slug="khan", summary="Tóm tắt", kind="urgent", received_at=received
        )
        errors = _errors(page)
    assert RANGE_MESSAGE in errors["received_at"][0]


@pytest.mark.parametrize("year", [1, 1999, 2101, 9999])
def test_admission_school_year_out_of_range_is_refused(school, year):
    with schema_context(school.schema_name):
        errors = _errors(m.AdmissionPage(title="Tuyển sinh", slug="ts", school_year_start=year))
    assert f"Năm {year} {RANGE_MESSAGE}" in errors["school_year_start"][0]


@pytest.mark.parametrize("year", [1, 9999])
def test_timetable_of_a_school_year_out_of_range_is_one_message_not_a_crash(school, year):
    with schema_context(school.schema_name):
        errors = _errors(
            m.TimetablePage(
                title="TKB", slug="tkb", school_year_start=year, semester=1,
                effective_from=dt.date(2026, 9, 7),
            )
        )  # fmt: skip
    assert errors["school_year_start"] == [
        "Năm học phải từ 2000 trở đi." if year < 2000 else "Năm học không được sau 2100."
    ]
