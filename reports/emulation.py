"""The emulation (thi đua) score of each school for a school year: the share of its decided
obligations met on time, each weighted by its rule's weight (rule-set data), with the month
by month figures behind it. One aggregate statement over the stored results."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import F

from compliance.models import ObligationResult
from compliance.score import DECIDED, DUE_WEIGHT, MET_WEIGHT, score_of
from reports.months import school_year_month_keys, school_year_months
from tenants.models import School


@dataclass
class EmulationRow:
    rank: int
    school_id: int
    code: str
    name: str
    authority_name: str
    score: float | None
    met: float
    due: float
    months: list[tuple[str, float | None]]


def emulation_scores(*, authority_ids: list[int], school_year_start: int) -> list[EmulationRow]:
    """Every school in scope, best first; schools with nothing due yet are ranked last."""
    first, last = school_year_months(school_year_start)
    months = school_year_month_keys(school_year_start)
    schools = list(
        School.objects.real()
        .filter(authority_id__in=authority_ids)
        .values("id", "code", "name", authority_name=F("authority__name"))
    )
    sums = (
        ObligationResult.objects.filter(
            school_id__in=[s["id"] for s in schools],
            month__gte=first,
            month__lte=last,
            status__in=DECIDED,
        )
        .values("school_id", "month")
        .annotate(met=MET_WEIGHT, due=DUE_WEIGHT)
    )
    per_school: dict[int, dict[str, tuple[float, float]]] = defaultdict(dict)
    for row in sums:
        per_school[row["school_id"]][row["month"]] = (row["met"] or 0.0, row["due"] or 0.0)
    rows = []
    for school in schools:
        by_month = per_school.get(school["id"], {})
        met = sum(m for m, _ in by_month.values())
        due = sum(d for _, d in by_month.values())
        rows.append(
            EmulationRow(
                rank=0,
                school_id=school["id"],
                code=school["code"],
                name=school["name"],
                authority_name=school["authority_name"],
                score=score_of(met, due),
                met=met,
                due=due,
                months=[(key, score_of(*by_month.get(key, (0.0, 0.0)))) for key in months],
            )
        )
    return ranked(rows)


def ranked(rows: list[EmulationRow]) -> list[EmulationRow]:
    """Standard competition ranking ("1, 2, 2, 4"): equal scores share a rank."""
    rows.sort(key=lambda r: (r.score is None, -(r.score or 0.0), r.name))
    previous, rank = None, 0
    for position, row in enumerate(rows, start=1):
        if row.score != previous:
            rank, previous = position, row.score
        row.rank = rank
    return rows
