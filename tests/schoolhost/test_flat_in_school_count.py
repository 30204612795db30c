"""The readers of stored results cost the same number of queries for 2 schools as for 6:
dashboard, monthly report, open-data API, reminders (issue 15: a province's 3,000 schools must
not mean 3,000 queries). Each count is taken at 2 schools, then at 6, and must not grow."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from opendata.cache import api_cache_clear
from reminders.services import reminders_claim
from reports.generation import monthly_report_generate
from reports.models import MonthlyReport
from tests.crafting import crafted_school, evaluated, local, result

pytestmark = pytest.mark.django_db


def _schools(authority, count):
    for _ in range(count):
        school = crafted_school(authority=authority)
        for day in (5, 12, 19):
            result(school, status="on_time", due_at=local(2026, 10, day, 12))
        result(school, status="late", due_at=local(2026, 10, 26, 12), rule="work-schedule")
        result(school, status="pending", due_at=local(2026, 11, 23, 12), period_key="2026-W48")
        evaluated(school, category="irregular")


def _queries(call) -> int:
    with CaptureQueriesContext(connection) as captured:
        call()
    return len(captured)


def _flat(authority, call, *, reset=lambda: None) -> tuple[int, int]:
    _schools(authority, 2)
    reset()
    few = _queries(call)
    _schools(authority, 4)
    reset()
    many = _queries(call)
    return few, many


def test_the_dashboard(portal_client, authority, frozen_now):
    client = portal_client(authority)
    few, many = _flat(authority, lambda: client.get("/"))
    assert few == many


def test_the_monthly_report(authority, frozen_now):
    def generate():
        report = monthly_report_generate(authority=authority, month="2026-10").report
        assert report.entries.count() in (2, 6)

    few, many = _flat(
        authority,
        generate,
        reset=lambda: MonthlyReport.objects.filter(authority=authority).delete(),
    )
    assert few == many


@pytest.mark.parametrize("path", ["/api/v1/schools/", "/api/v1/results/?month=2026-10"])
def test_the_open_data_api(client, authority, frozen_now, path):
    def get():
        response = client.get(path, HTTP_HOST=authority.portal_domain)
        assert response.status_code == 200

    few, many = _flat(authority, get, reset=api_cache_clear)
    assert few == many


def test_claiming_reminders(authority, frozen_now):
    claimed = []

    def claim():
        claimed.append(reminders_claim(now=dt.datetime.now(dt.UTC)))

    few, many = _flat(authority, claim)
    assert few == many
    assert len(claimed[0]) == 2 and len(claimed[1]) == 6
