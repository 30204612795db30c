"""The score: the share (0–100, one decimal) of a school's decided obligations met on time,
each weighted by its rule's weight; None when nothing was due (no score is better than a
misleading 100 %). Pending and not-applicable obligations never count.

The one definition, in the three forms its readers need: Python over stored rows (the monthly
report, the API, the school page), ORM aggregates (the emulation ranking) and SQL fragments
(the dashboard's single statement). A test checks the four readers agree on the same rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from django.db.models import Q, Sum

from compliance.models import ObligationStatus

DECIDED = ObligationStatus.decided()
MET = ObligationStatus.ON_TIME

# ORM aggregates over ObligationResult rows
MET_WEIGHT = Sum("weight", filter=Q(status=MET))
DUE_WEIGHT = Sum("weight", filter=Q(status__in=DECIDED))


def sql_met(alias: str) -> str:
    """SQL for the met weight over rows of table alias `alias` (constants only, no input)."""
    return f"SUM({alias}.weight) FILTER (WHERE {alias}.status = '{MET.value}')"


def sql_decided(alias: str) -> str:
    """SQL that is true for the decided rows of table alias `alias` (constants only)."""
    decided = ", ".join(f"'{status.value}'" for status in DECIDED)
    return f"{alias}.status IN ({decided})"


def sql_due(alias: str) -> str:
    return f"SUM({alias}.weight) FILTER (WHERE {sql_decided(alias)})"


def row_weights(row: Mapping) -> tuple[float, float]:
    """(met, due) weight of one stored row (a dict with `status` and `weight`)."""
    if row["status"] not in DECIDED:
        return 0.0, 0.0
    return (row["weight"] if row["status"] == MET else 0.0), row["weight"]


def weighted_score(rows: Iterable[Mapping]) -> float | None:
    met = due = 0.0
    for row in rows:
        row_met, row_due = row_weights(row)
        met += row_met
        due += row_due
    return score_of(met, due)


def score_of(met: float | None, due: float | None) -> float | None:
    if not due:
        return None
    return round(100.0 * (met or 0.0) / due, 1)
