"""The engine's monthly roll-up applied to stored result rows (the score is compliance.score).

Stored rows are turned back into the engine's `Obligation`s so that the three categories are
decided by one piece of code (compliance.engine.rollup) whether a school is being evaluated or
its stored month is being reported.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from compliance.engine.evidence import EvidenceRef
from compliance.engine.obligations import Obligation, Status
from compliance.engine.rollup import MonthVerdict, month_category
from tenants.schoolcalendar.localtime import LOCAL_TZ

ROW_FIELDS = (
    "school_id", "ruleset", "rule", "period_key", "item", "kind", "month", "due_at", "status",
    "satisfied_at", "late_by", "evidence", "weight",
)  # fmt: skip


def obligation_from_row(row: Mapping) -> Obligation:
    """A stored row as an Obligation filed under the row's stored month."""
    year, month = (int(part) for part in row["month"].split("-"))
    return Obligation(
        ruleset=row["ruleset"],
        rule=row["rule"],
        period_key=row["period_key"],
        due_at=row["due_at"],
        status=Status(row["status"]),
        satisfied_at=row["satisfied_at"],
        late_by=row["late_by"],
        evidence=tuple(EvidenceRef(**ref) for ref in row.get("evidence") or ()),
        kind=row["kind"],
        # the 15th (local) of the stored month: the roll-up files it where the pipeline did
        reference_at=dt.datetime(year, month, 15, 12, tzinfo=LOCAL_TZ),
        item=row["item"] or None,
        weight=row["weight"],
    )


def month_verdict_from_rows(rows: Iterable[Mapping], *, month: str) -> MonthVerdict:
    return month_category(
        obligations=[obligation_from_row(r) for r in rows if r["month"] == month], month=month
    )
