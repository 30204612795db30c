"""What the evaluator returns: one obligation per (rule, period) with its status and why."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from tenants.schoolcalendar.localtime import ONE_MICROSECOND

from .evidence import EvidenceRef


class Status(StrEnum):
    ON_TIME = "on_time"
    LATE = "late"
    MISSING = "missing"
    PENDING = "pending"  # not yet due and not yet satisfied
    NOT_APPLICABLE = "not_applicable"


class Boundary(StrEnum):
    """How a deadline instant is read.

    BEFORE: "before day D" — due_at is the first instant that is late (D 00:00 is late).
    BY: "by 16:00", "within 1 hour" — due_at is the last instant still on time.
    """

    BEFORE = "before"
    BY = "by"


@dataclass(frozen=True)
class Obligation:
    """(rule, period) for one school, judged as of a moment.

    `reference_at` files the obligation under a window and a month: the last on-time instant
    (due_at, or one microsecond before it for a BEFORE deadline, so "before 1 December" belongs
    to November). Retention obligations file under the moment content was removed.
    """

    ruleset: str
    rule: str
    period_key: str
    due_at: datetime | None
    status: Status
    satisfied_at: datetime | None = None
    late_by: timedelta | None = None
    evidence: tuple[EvidenceRef, ...] = ()
    reason: str = ""
    kind: str = ""
    due_inclusive: bool = False
    reference_at: datetime | None = None
    item: str | None = None
    weight: float = 1.0
    # What the authority should look at beyond the status, by name, JSON-ready: e.g.
    # {"anchor_backdated": {"anchor": "received_at", "claimed": iso, "created_at": iso}}.
    flags: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.reference_at is None and self.due_at is not None:
            last = self.due_at if self.due_inclusive else self.due_at - ONE_MICROSECOND
            object.__setattr__(self, "reference_at", last)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form (ISO 8601 UTC datetimes, late_by in seconds)."""

        def iso(moment: datetime | None) -> str | None:
            return None if moment is None else moment.isoformat()

        return {
            "ruleset": self.ruleset,
            "rule": self.rule,
            "period_key": self.period_key,
            "item": self.item,
            "kind": self.kind,
            "due_at": iso(self.due_at),
            "due_inclusive": self.due_inclusive,
            "status": str(self.status),
            "satisfied_at": iso(self.satisfied_at),
            "late_by": None if self.late_by is None else self.late_by.total_seconds(),
            "evidence": [ref._asdict() for ref in self.evidence],
            "reason": self.reason,
            "weight": self.weight,
            "flags": dict(self.flags),
        }
