"""Period pages in the admin: title from the period, weeks by teaching-week label, months as
month and year."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django_tenants.utils import schema_context
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from sitepages import models as m
from sitepages.page_forms import week_choices

pytestmark = pytest.mark.django_db

MONDAY = dt.datetime(2026, 11, 30, 8, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


def add_url(school, model, parent):
    with schema_context(school.schema_name):
        parent_id = parent.objects.get().pk
    return f"/admin/pages/add/sitepages/{model._meta.model_name}/{parent_id}/"


def test_week_choices_read_as_teaching_weeks():
    choices = dict(week_choices(dt.date(2026, 11, 30)))
    assert choices["2026-11-30"] == "Tuần 13 (30/11 – 06/12/2026)"
    assert choices["2026-09-07"] == "Tuần 1 (07/09 – 13/09/2026)"
    assert choices["2026-08-03"] == "Tuần 03/08 – 09/08/2026"  # before the school year opens
    assert min(choices) == "2026-07-27" and max(choices) == "2027-07-26"


def test_a_weekly_plan_takes_its_title_from_the_week_picked_by_label(
    client, school, school_admin, host
):
    url = add_url(school, m.WeeklyPlanPage, m.PlanIndexPage)
    with time_machine.travel(MONDAY, tick=False):
        html = client.get(url, HTTP_HOST=host).content.decode()
    assert '<option value="2026-11-30" selected>Tuần 13 (30/11 – 06/12/2026)</option>' in html
    assert "Để trống thì tự đặt theo kỳ" in html
    data = nested_form_data(
        {
            "title": "",
            "slug": "",
            "week_start": "2026-11-30",
            "body": rich_text("Chào cờ"),
            "attachments": streamfield([]),
        }
    )
    response = client.post(url, data, HTTP_HOST=host)
    assert response.status_code == 302, response.content.decode()[:2000]
    with schema_context(school.schema_name):
        page = m.WeeklyPlanPage.objects.get()
        assert page.title == "Kế hoạch tuần 13 (30/11 – 06/12/2026)"
        assert page.slug == "ke-hoach-tuan-13-30-11-06-12-2026"
        assert page.week_start == dt.date(2026, 11, 30)
    edit = f"/admin/pages/{page.pk}/edit/"
    # Moving the week moves a title that was the period's own...
    data.update({"title": page.title, "slug": page.slug, "week_start": "2026-12-07"})
    assert client.post(edit, data, HTTP_HOST=host).status_code == 302
    with schema_context(school.schema_name):
        page = m.WeeklyPlanPage.objects.get().get_latest_revision_as_object()
        assert page.title == "Kế hoạch tuần 14 (07/12 – 13/12/2026)"
    # ...and never a title the editor wrote.
    data.update({"title": "Kế hoạch tuần 14 – tuần lễ hội", "week_start": "2026-12-14"})
    assert client.post(edit, data, HTTP_HOST=host).status_code == 302
    with schema_context(school.schema_name):
        page = m.WeeklyPlanPage.objects.get().get_latest_revision_as_object()
        assert page.title == "Kế hoạch tuần 14 – tuần lễ hội"
        assert page.week_start == dt.date(2026, 12, 14)


def test_a_month_is_picked_as_month_and_year(client, school, school_admin, host):
    url = add_url(school, m.MonthlyPlanPage, m.PlanIndexPage)
    with time_machine.travel(MONDAY, tick=False):
        html = client.get(url, HTTP_HOST=host).content.decode()
    assert '<option value="11" selected>Tháng 11</option>' in html
    assert 'name="month_1"' in html and "ngày 1" not in html
    data = nested_form_data(
        {"title": "", "slug": "", "body": rich_text(""), "attachments": streamfield([])}
    )
    data.update({"month_0": "12", "month_1": "2026"})
    response = client.post(url, data, HTTP_HOST=host)
    assert response.status_code == 302, response.content.decode()[:2000]
    with schema_context(school.schema_name):
        page = m.MonthlyPlanPage.objects.get()
        assert page.month == dt.date(2026, 12, 1)
        assert page.title == "Kế hoạch tháng 12/2026"
    data.update({"month_0": "1", "month_1": ""})
    again = client.post(url, data, HTTP_HOST=host)
    assert again.status_code == 200 and "Hãy chọn tháng và nhập năm." in again.content.decode()
