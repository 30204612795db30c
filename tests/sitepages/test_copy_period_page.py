"""Copying a live weekly plan with "publish copied page" ticked is refused with a Vietnamese
message (no 500), so a copy never becomes a second published page for the same week."""

import datetime as dt

import pytest
from django_tenants.utils import schema_context

from sitepages import models as m
from tests.factories import PLAN_TEXT
from tests.sitepages.helpers import publish_child

pytestmark = pytest.mark.django_db
MONDAY = dt.date(2026, 11, 30)


def test_copy_and_publish_of_a_weekly_plan_is_refused(client, school, school_admin, host):
    with schema_context(school.schema_name):
        plans = m.PlanIndexPage.objects.get()
        plan = publish_child(
            plans, m.WeeklyPlanPage(title="Kế hoạch tuần 13", week_start=MONDAY, body=PLAN_TEXT)
        )
    data = {
        "new_title": "Kế hoạch tuần 13 (bản sao)",
        "new_slug": "ke-hoach-tuan-13-ban-sao",
        "new_parent_page": str(plans.pk),
        "publish_copies": "on",
    }
    response = client.post(f"/admin/pages/{plan.pk}/copy/", data, HTTP_HOST=host)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Không thể xuất bản ngay bản sao của “Kế hoạch tuần 13”" in body
    assert "tuần 13 (30/11 – 06/12/2026)" in body
    with schema_context(school.schema_name):
        assert m.WeeklyPlanPage.objects.filter(week_start=MONDAY).count() == 1
    # copied as a draft, it is allowed; it is not live
    del data["publish_copies"]
    response = client.post(f"/admin/pages/{plan.pk}/copy/", data, HTTP_HOST=host)
    assert response.status_code == 302
    with schema_context(school.schema_name):
        copies = m.WeeklyPlanPage.objects.filter(week_start=MONDAY)
        assert copies.count() == 2
        assert copies.filter(live=True).count() == 1
