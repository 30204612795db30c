""" "Copy from last week": this week's draft from last week's page, dates moved by a week."""

import datetime as dt

import pytest
from django_tenants.utils import schema_context
from wagtail.models import PageLogEntry

from sitepages import models as m
from sitepages.period_kinds import KINDS
from sitepages.services.week_copy import text_dates_shift
from tests.sitepages.helpers import publish_child

LAST = dt.date(2026, 11, 23)
THIS = dt.date(2026, 11, 30)


def test_dates_of_the_week_move_and_others_stay():
    first, last = LAST - dt.timedelta(days=7), LAST + dt.timedelta(days=13)
    text = (
        "Thứ Hai 23/11: chào cờ. Thứ Sáu 27/11/2026 nộp báo cáo; 3/12 họp; "
        "theo Kế hoạch 12/KH-PGD ngày 05/9/2026; tỉ lệ 1/2; 29.11.2026"
    )
    assert text_dates_shift(text, days=7, first=first, last=last) == (
        "Thứ Hai 30/11: chào cờ. Thứ Sáu 04/12/2026 nộp báo cáo; 10/12 họp; "
        "theo Kế hoạch 12/KH-PGD ngày 05/9/2026; tỉ lệ 1/2; 06.12.2026"
    )
    # Across New Year: a day and month without a year find theirs in the window.
    december = dt.date(2026, 12, 28)
    assert (
        text_dates_shift("31/12 và 2/1", days=7, first=december, last=december + dt.timedelta(6))
        == "07/01 và 9/1"
    )


@pytest.mark.django_db
def test_one_click_copies_last_weeks_schedule_through_wagtails_copy(
    client, school, school_admin, host
):
    with schema_context(school.schema_name):
        source = publish_child(
            m.ScheduleIndexPage.objects.get(),
            m.WorkSchedulePage(
                title="Lịch công tác tuần 12",
                week_start=LAST,
                entries=[
                    ("entry", {"weekday": "0", "time": "7h", "content": "Chào cờ 23/11"}),
                    ("entry", {"weekday": "4", "content": "Nộp báo cáo trước 27/11/2026"}),
                ],
                notes="<p>Họp hội đồng 26/11.</p>",
            ),
        )
    data = {"kind": "work-schedule", "period": THIS.isoformat()}
    response = client.post("/admin/tuan/sao-chep/", data, HTTP_HOST=host)
    assert response.status_code == 302
    with schema_context(school.schema_name):
        copy = m.WorkSchedulePage.objects.get(week_start=THIS)
        assert response["Location"] == f"/admin/pages/{copy.pk}/edit/"
        assert not copy.live and copy.owner == school_admin
        assert copy.title == KINDS["work-schedule"].title(THIS)
        assert copy.title == "Lịch công tác tuần 13 (30/11 – 06/12/2026)"
        assert [b.value["weekday"] for b in copy.entries] == ["0", "4"]
        assert copy.entries[0].value["content"] == "Chào cờ 30/11"
        assert copy.entries[1].value["content"] == "Nộp báo cáo trước 04/12/2026"
        assert "Họp hội đồng 03/12." in copy.notes
        revision = copy.get_latest_revision_as_object()
        assert revision.week_start == THIS and "03/12" in revision.notes
        log = PageLogEntry.objects.get(page=copy, action="wagtail.copy")
        assert log.data["source"]["id"] == source.get_parent().pk
        assert not PageLogEntry.objects.filter(page=copy, action="wagtail.publish").exists()
        source.refresh_from_db()
        assert source.week_start == LAST and "23/11" in source.entries[0].value["content"]
    again = client.post("/admin/tuan/sao-chep/", data, HTTP_HOST=host)
    assert again["Location"] == f"/admin/pages/{copy.pk}/edit/"
    with schema_context(school.schema_name):
        assert m.WorkSchedulePage.objects.count() == 2


@pytest.mark.django_db
def test_nothing_to_copy_says_so_in_vietnamese(client, school, school_admin, host):
    response = client.post(
        "/admin/tuan/sao-chep/",
        {"kind": "weekly-plan", "period": THIS.isoformat()},
        HTTP_HOST=host,
        follow=True,
    )
    assert "Tuần trước (Tuần 12 (23/11 – 29/11/2026)) chưa có trang Kế hoạch tuần" in (
        response.content.decode()
    )
    bad = client.post(
        "/admin/tuan/sao-chep/", {"kind": "monthly-plan", "period": "2026-12-01"}, HTTP_HOST=host
    )
    assert bad.status_code == 400
