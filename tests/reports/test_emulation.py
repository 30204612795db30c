"""Emulation scores: weighted share on time per school year, ranked, with the months behind."""

import io

import pytest
from openpyxl import load_workbook

from reports.emulation import EmulationRow, emulation_scores, ranked
from tests.crafting import crafted_school, local, result
from tests.factories import authority_make

pytestmark = pytest.mark.django_db


def _row(name, score):
    return EmulationRow(0, 0, name, name, "", score, 0, 0, [])


def test_ranking_shares_ranks_on_ties_and_puts_schools_with_nothing_due_last():
    rows = ranked([_row("C", 80.0), _row("A", 95.0), _row("D", None), _row("B", 80.0)])
    assert [(r.name, r.rank) for r in rows] == [("A", 1), ("B", 2), ("C", 2), ("D", 4)]


def test_scores_are_weighted_by_rule_and_limited_to_the_school_year(authority, frozen_now):
    school = crafted_school(authority=authority, name="TH Weighted")
    result(school, status="on_time", due_at=local(2026, 9, 14, 12), weight=3)
    result(school, status="missing", due_at=local(2026, 10, 12, 12), weight=1)
    result(school, status="pending", due_at=local(2026, 11, 23, 12))
    result(school, status="missing", due_at=local(2026, 5, 11, 12))  # the previous school year
    other = crafted_school(authority=authority, name="TH Other")
    result(other, status="on_time", due_at=local(2026, 10, 12, 12))
    crafted_school(authority=authority_make(), name="TH Elsewhere")
    rows = emulation_scores(authority_ids=[authority.pk], school_year_start=2026)
    assert [(r.name, r.rank, r.score) for r in rows] == [
        ("TH Other", 1, 100.0),
        ("TH Weighted", 2, 75.0),
    ]
    months = dict(rows[1].months)
    assert months["2026-09"] == 100.0 and months["2026-10"] == 0.0 and months["2026-11"] is None
    assert list(months)[0] == "2026-07" and list(months)[-1] == "2027-06"
    assert emulation_scores(authority_ids=[authority.pk], school_year_start=2025)[0].score == 0.0


def test_ranking_page_and_xlsx(portal_client, authority, frozen_now):
    good = crafted_school(authority=authority, name="TH Giỏi")
    poor = crafted_school(authority=authority, name="TH Chưa Tốt")
    result(good, status="on_time", due_at=local(2026, 10, 12, 12))
    result(poor, status="late", due_at=local(2026, 10, 12, 12))
    client = portal_client(authority, "inspector")
    page = client.get("/thi-dua/").text
    assert page.index("TH Giỏi") < page.index("TH Chưa Tốt")
    assert "năm học 2026–2027" in page
    download = client.get("/thi-dua/2026.xlsx")
    assert download["Content-Disposition"].endswith('2026-2027.xlsx"')
    sheet = load_workbook(io.BytesIO(download.content))["Thi đua"]
    rows = [r for r in sheet.iter_rows(values_only=True) if r and isinstance(r[0], int)]
    assert [(r[0], r[2], r[4]) for r in rows] == [(1, "TH Giỏi", 100.0), (2, "TH Chưa Tốt", 0.0)]
    header = next(r for r in sheet.iter_rows(values_only=True) if r and r[0] == "Hạng")
    assert header[5] == "tháng 07/2026" and header[-1] == "tháng 06/2027"
