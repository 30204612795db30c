"""Parents, editors and the engine read one school calendar: the authority's, with its breaks.
A week after a configured mid-term break is the same "Tuần N" on the public page as in the
engine (the site used to count weeks on its own and drifted)."""

import datetime as dt

import pytest
from django_tenants.utils import schema_context

from compliance.models import CalendarYear
from compliance.selectors import calendar_of_school
from sitepages import models as m
from tests.factories import PLAN_TEXT, school_make
from tests.sitepages.helpers import publish_child

pytestmark = pytest.mark.django_db
MONDAY = dt.date(2026, 11, 30)


def test_the_public_week_label_is_the_authoritys_calendar(client, authority):
    CalendarYear.objects.create(
        authority=authority,
        school_year_start=2026,
        semester1_start=dt.date(2026, 9, 7),
        semester1_end=dt.date(2027, 1, 15),
        semester2_start=dt.date(2027, 1, 18),
        semester2_end=dt.date(2027, 5, 28),
        breaks=[
            {"monday": "2026-10-26", "label": "mid_term"},
            {"monday": "2026-11-02", "label": "mid_term"},
        ],
    )
    school = school_make(authority=authority, name="THCS Nguyễn Trãi")
    engine_week = calendar_of_school(school).year(2026).week_number(MONDAY)
    assert engine_week == 11  # 13 weeks since 7/9, minus the two break weeks
    with schema_context(school.schema_name):
        plan = publish_child(
            m.PlanIndexPage.objects.get(),
            m.WeeklyPlanPage(title="Kế hoạch tuần này", week_start=MONDAY, body=PLAN_TEXT),
        )
        assert plan.period_label == "Tuần 11 (30/11 – 06/12/2026)"
        url = plan.url
    page = client.get(url, HTTP_HOST=school.provisioned.domain).content.decode()
    assert "Tuần 11 (30/11 – 06/12/2026)" in page
    assert "Tuần 13" not in page
