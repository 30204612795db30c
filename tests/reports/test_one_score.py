"""The score (weighted share on time) is computed in one place (compliance/score.py) and reads
the same on the dashboard, in the monthly report, in the emulation ranking and in the API."""

import json
import re

import pytest

from compliance.score import weighted_score
from opendata.cache import api_cache_clear
from reports.emulation import emulation_scores
from reports.generation import monthly_report_generate, monthly_report_publish
from tests.crafting import crafted_school, evaluated, local, result

pytestmark = pytest.mark.django_db


def test_the_four_readers_of_the_score_agree(client, portal_client, authority, frozen_now):
    api_cache_clear()
    school = crafted_school(authority=authority, name="THCS Một Điểm")
    # October: weights 3 on time, 1 late, 1 missing → 3/5 = 60 %; pending and n/a never count
    rows = [
        result(school, status="on_time", due_at=local(2026, 10, 5, 12), weight=3),
        result(school, status="late", due_at=local(2026, 10, 12, 12), rule="work-schedule"),
        result(school, status="missing", due_at=local(2026, 10, 19, 12), rule="lesson-register"),
        result(school, status="not_applicable", due_at=local(2026, 10, 26, 12), rule="menu"),
    ]
    evaluated(school)
    assert weighted_score([{"status": r.status, "weight": r.weight} for r in rows]) == 60.0

    report = monthly_report_generate(authority=authority, month="2026-10").report
    entry = report.entries.get(school=school)
    assert entry.score == 60.0

    ranking = emulation_scores(authority_ids=[authority.pk], school_year_start=2026)
    assert [row.score for row in ranking if row.school_id == school.pk] == [60.0]

    monthly_report_publish(report=report, published_by="a")
    answer = client.get("/api/v1/results/", {"month": "2026-10"}, HTTP_HOST=authority.portal_domain)
    data = json.loads(answer.content)
    assert [r["score"] for r in data["results"] if r["school"]["code"] == school.code] == [60.0]

    text = portal_client(authority).get("/").text
    row = text[text.index("THCS Một Điểm") :].split("</tr>")[0]
    cells = re.findall(r'<td class="num">([^<]*)</td>', row)
    assert cells[1] == "60,0%"  # the school year's score
