"""An urgent notice whose claimed `received_at` is far before the page existed is shown to the
authority as backdated ("⚠ Ngày nhận khai lùi"), on the dashboard, the school's drill-down and
in the API
(issue 11). The moments are real: Wagtail records them while time-machine moves the clock."""

import datetime as dt

import pytest
import time_machine
from django_tenants.utils import schema_context

from compliance.models import ObligationResult
from compliance.services.evaluation import school_evaluate
from sitepages import models as m
from tests.crafting import local
from tests.factories import PLAN_TEXT, school_make
from tests.sitepages.helpers import publish_child

pytestmark = pytest.mark.django_db


def _urgent(title: str, received_at: dt.datetime) -> m.NewsPage:
    return m.NewsPage(
        title=title,
        kind=m.NewsKind.URGENT,
        received_at=received_at,
        event_date=received_at.date(),
        body=PLAN_TEXT,
    )


@pytest.fixture
def school_with_notices(authority):
    with time_machine.travel(local(2026, 11, 2, 8), tick=False):
        school = school_make(authority=authority, name="THCS Hòa Bình")
    with schema_context(school.schema_name):
        news = m.NewsIndexPage.objects.get()
        # written on 20/11 09:00, claiming receipt on 17/11 08:00: 73 hours before
        with time_machine.travel(local(2026, 11, 20, 9), tick=False):
            publish_child(news, _urgent("Nghỉ học do bão", local(2026, 11, 17, 8)))
        # written on 20/11 09:05 for a notice received the evening before: 14 hours, plausible
        with time_machine.travel(local(2026, 11, 20, 9, 5), tick=False):
            publish_child(news, _urgent("Lịch tiêm chủng", local(2026, 11, 19, 19)))
    with time_machine.travel(local(2026, 11, 20, 10), tick=False):
        school_evaluate(school=school)
    return school


def test_the_backdated_receipt_is_stored_shown_and_served(
    school_with_notices, authority, portal_client, client
):
    school = school_with_notices
    urgent = {
        r.evidence[0]["title"]: r
        for r in ObligationResult.objects.filter(school=school, rule="urgent")
    }
    assert urgent["Nghỉ học do bão"].flags["anchor_backdated"]["limit_hours"] == 48
    assert urgent["Lịch tiêm chủng"].flags == {}

    with time_machine.travel(local(2026, 11, 20, 10), tick=False):
        dashboard = portal_client(authority).get("/").text
        page = portal_client(authority).get(f"/truong/{school.code}/").text
    row = dashboard[dashboard.index(f"/truong/{school.code}/") :]
    row = row[: row.index("</th>")]
    assert 'title="Ngày nhận khai lùi: 1 thông báo khẩn trong tháng">⚠ 1</a>' in row
    table = page[page.index("Các nghĩa vụ tháng 11/2026") : page.index("Xu hướng")]
    assert table.count("⚠ Ngày nhận khai lùi") == 1
    assert (
        "⚠ Ngày nhận khai lùi: ghi nhận 17/11/2026 08:00, trang tạo lúc 20/11/2026 09:00" in table
    )

    with time_machine.travel(local(2026, 11, 20, 10), tick=False):
        client.logout()
        data = client.get(
            "/api/v1/results/", {"month": "2026-11"}, HTTP_HOST=authority.portal_domain
        ).json()
    rows = {
        o["evidence_pages"][0]["title"]: o
        for s in data["results"]
        for o in s["obligations"]
        if o["rule"] == "urgent"
    }
    assert rows["Nghỉ học do bão"]["flags"]["anchor_backdated"] == {
        "anchor": "received_at",
        "claimed": local(2026, 11, 17, 8).astimezone(dt.UTC).isoformat(),
        "created_at": local(2026, 11, 20, 9).astimezone(dt.UTC).isoformat(),
        "limit_hours": 48.0,
    }
    assert rows["Lịch tiêm chủng"]["flags"] == {}
