"""The open-data API: documented, paginated, read-only, cached per authority host."""

import json

import pytest

from compliance.models import ObligationResult
from opendata.cache import api_cache_clear
from reports.generation import monthly_report_generate, monthly_report_publish
from tests.crafting import crafted_school, evaluated, local, month_of_each_category, result
from tests.factories import authority_make

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    api_cache_clear()
    yield
    api_cache_clear()


def _get(client, authority, path, **params):
    response = client.get(path, params, HTTP_HOST=authority.portal_domain)
    return response, json.loads(response.content) if response.content else None


def test_the_index_documents_every_endpoint(client, authority):
    response, data = _get(client, authority, "/api/v1/")
    assert response.status_code == 200 and response["Access-Control-Allow-Origin"] == "*"
    paths = [e["path"] for e in data["endpoints"]]
    assert paths == ["/api/v1/schools/", "/api/v1/results/", "/api/v1/reports/"]
    for endpoint in data["endpoints"]:
        assert endpoint["description"] and endpoint["url"].startswith("http://")
        answer = client.get(
            endpoint["path"], {"month": "2026-10"}, HTTP_HOST=authority.portal_domain
        )
        assert answer.status_code == 200, endpoint["path"]
        assert json.loads(answer.content)["results"] == [], endpoint["path"]  # nothing yet
    assert "page_size" in data["pagination"]["parameters"]


def test_schools_are_paginated(client, authority):
    for n in range(5):
        evaluated(
            crafted_school(authority=authority, code=f"api-{n}", name=f"TH API {n}"),
            category="irregular",
        )
    crafted_school(authority=authority_make(), code="api-elsewhere")
    _, first = _get(client, authority, "/api/v1/schools/", page_size=2)
    assert first["count"] == 5 and first["pages"] == 3 and first["previous"] is None
    assert [s["code"] for s in first["results"]] == ["api-0", "api-1"]
    assert first["results"][0]["month_category"] == "irregular"
    assert first["results"][0]["website"].startswith("http://crafted-")
    assert "page=2" in first["next"]
    _, last = _get(client, authority, "/api/v1/schools/", page_size=2, page=3)
    assert [s["code"] for s in last["results"]] == ["api-4"] and last["next"] is None
    _, nonsense = _get(client, authority, "/api/v1/schools/", page_size="x", page="-4")
    assert nonsense["page"] == 1 and nonsense["page_size"] == 50


def test_results_of_a_month(client, authority, frozen_now):
    schools = month_of_each_category(authority)
    response, data = _get(client, authority, "/api/v1/results/", month="2026-10")
    assert response.status_code == 200 and data["month"] == "2026-10"
    by_code = {r["school"]["code"]: r for r in data["results"]}
    silent = by_code[schools["did_not_update"].code]
    assert silent["category"] == "did_not_update" and silent["score"] == 0.0
    assert silent["counts"] == {"on_time": 0, "late": 0, "missing": 3, "pending": 0}
    slow = by_code[schools["irregular"].code]["obligations"]
    late = next(o for o in slow if o["status"] == "late")
    assert late["late_by_seconds"] == 20 * 3600 and late["evidence"][0].startswith("http://")


@pytest.mark.parametrize("typed", ["10/2026", "2026-10"])
def test_results_take_the_month_as_people_or_machines_write_it(
    client, authority, frozen_now, typed
):
    month_of_each_category(authority)
    response, data = _get(client, authority, "/api/v1/results/", month=typed)
    assert response.status_code == 200 and data["month"] == "2026-10"
    assert data["count"] == 4


def test_results_need_a_valid_month(client, authority):
    response, data = _get(client, authority, "/api/v1/results/", month="tháng 10")
    assert response.status_code == 400 and "hãy ghi tháng/năm, ví dụ 11/2026" in data["error"]
    assert _get(client, authority, "/api/v1/results/")[0].status_code == 400


def test_answers_are_cached_per_authority_host(client, authority, frozen_now):
    school = crafted_school(authority=authority)
    row = result(school, status="missing", due_at=local(2026, 10, 12, 12))
    _, before = _get(client, authority, "/api/v1/results/", month="2026-10")
    ObligationResult.objects.filter(pk=row.pk).update(status="on_time")
    _, cached = _get(client, authority, "/api/v1/results/", month="2026-10")
    assert cached == before  # served from the cache within its TTL
    other = authority_make()
    crafted_school(authority=other)
    _, theirs = _get(client, other, "/api/v1/results/", month="2026-10")
    assert theirs["results"][0]["school"]["code"] != school.code  # never another host's answer
    api_cache_clear(authority_id=authority.pk)
    _, fresh = _get(client, authority, "/api/v1/results/", month="2026-10")
    assert fresh["results"][0]["counts"]["on_time"] == 1


def test_read_only_and_only_on_authority_hosts(client, authority):
    assert client.post("/api/v1/schools/", HTTP_HOST=authority.portal_domain).status_code == 405
    assert client.get("/api/v1/schools/", HTTP_HOST="localhost").status_code == 404


def test_published_reports_are_listed_with_their_json(client, authority, frozen_now):
    month_of_each_category(authority)
    monthly_report_generate(authority=authority, month="2026-09")  # a draft: not listed
    report = monthly_report_generate(authority=authority, month="2026-10").report
    monthly_report_publish(report=report, published_by="a")
    _, data = _get(client, authority, "/api/v1/reports/")
    assert [r["month"] for r in data["results"]] == ["2026-10"]
    assert data["results"][0]["json"].endswith("/bao-cao/2026-10.json")


def test_an_unpublished_month_is_provisional_and_nothing_due_is_not_applicable(
    client, authority, frozen_now
):
    busy = crafted_school(authority=authority, name="THCS Có Việc")
    result(busy, status="missing", due_at=local(2026, 10, 12, 12))
    evaluated(busy)
    idle = crafted_school(authority=authority, name="Trường Không Có Hạn")
    result(idle, status="pending", due_at=local(2026, 11, 2, 12), month="2026-10")
    result(idle, status="not_applicable", due_at=local(2026, 10, 19, 12), rule="menu")
    evaluated(idle)
    _, draft = _get(client, authority, "/api/v1/results/", month="2026-10")
    assert draft["provisional"] is True and draft["month_label"] == "Tháng 10/2026"
    assert {r["provisional"] for r in draft["results"]} == {True}
    by_code = {r["school"]["code"]: r for r in draft["results"]}
    assert by_code[idle.code]["category"] == "not_applicable"
    assert by_code[busy.code]["category"] == "did_not_update"
    missing = by_code[busy.code]["obligations"][0]
    assert missing["period_label"].startswith("Tuần ") and "/2026)" in missing["period_label"]
    report = monthly_report_generate(authority=authority, month="2026-10").report
    monthly_report_publish(report=report, published_by="a")
    api_cache_clear()
    _, published = _get(client, authority, "/api/v1/results/", month="2026-10")
    assert published["provisional"] is False
    assert {r["provisional"] for r in published["results"]} == {False}
