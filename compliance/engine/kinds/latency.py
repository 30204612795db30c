"""latency: each page must go live within a delay of a moment it records (its anchor).

Topical news by 16:00 of its event day (`event_date`, a date: counted from local midnight),
an urgent notice within 1 hour of `received_at` (an instant), a new official document within
1 working day of `issued_on`, a disclosure change within 10 working days of `changed_at`.
One obligation per page, keyed `page:<id>`. Only live time at or after the anchor counts (the
obligation opens then). When a page is several evidence items (its anchor was edited), the
current one — the latest to go live — is judged, with its own live intervals, so an edit never
moves evidence back in time. A page never published is missing once due (a drafted urgent
notice is a missed one). A page without the anchor is not this rule's business (only changed
disclosures carry `changed_at`); one whose anchor is unusable (a naive datetime, a bad string)
is not_applicable, with the reason, so the data error shows.

The anchor is typed by the editor, so it can be claimed earlier than it was: with
`max_backdate_hours` set, an anchor more than that many hours before the page was first saved
(`EvidenceItem.created_at`, server time) flags the obligation `anchor_backdated` for the
authority, with both moments; the status is still computed from the claimed anchor.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from typing import Any

from tenants.schoolcalendar.localtime import as_utc, local_midnight
from tenants.schoolcalendar.periods import PageKey

from .. import reasons
from ..assess import assess, describe, known_stretches
from ..deadlines import DeadlineSpec
from ..evidence import EvidenceItem
from ..obligations import Boundary, Obligation, Status
from .base import Kind, Param, RuleContext, register
from .common import BOUNDARY, GRACE, deadline_problem


def _offset_problem(value: Any) -> str | None:
    if message := deadline_problem(value):
        return message
    if {"month", "months", "day"} & set(value):
        return "an offset takes only working_days, days, hours and minutes"
    return None


def anchor_instant(value: Any) -> datetime | None:
    """An anchor attribute as an instant: dates at local midnight; None if unusable."""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
        except ValueError:
            return None
    if isinstance(value, datetime):
        return as_utc(value) if value.tzinfo is not None else None
    if isinstance(value, date):
        return local_midnight(value)
    return None


@register
class Latency(Kind):
    name = "latency"
    upcoming = "all"
    params = (
        Param("anchor", str, required=True, doc="the attribute the delay counts from"),
        Param("offset", dict, default={}, check=_offset_problem),
        BOUNDARY,
        GRACE,
        Param(
            "max_backdate_hours",
            int,
            default=0,
            check=lambda v: None if v >= 0 else "must be 0 (off) or more",
            doc="flag an anchor claimed more than this many hours before the page was created",
        ),
    )

    def obligations(self, ctx: RuleContext) -> Iterable[Obligation]:
        spec = DeadlineSpec.parse(ctx.params["offset"])
        inclusive = ctx.params["boundary"] == Boundary.BY
        grace = timedelta(minutes=ctx.params["grace_minutes"])
        anchor_name = ctx.params["anchor"]
        max_backdate = timedelta(hours=ctx.params["max_backdate_hours"])
        hollow_reasons = {
            item.page_id: reason
            for item in ctx.hollow_items
            if (reason := ctx.hollow_reason([item])) is not None
        }
        # a page whose every live version lacks substance is judged on its hollow version, so
        # it shows as missing with the reason instead of disappearing
        current = self._current_items(ctx.items, ctx.as_of)
        hollow_only = self._current_items(
            [i for i in ctx.hollow_items if i.page_id not in current], ctx.as_of
        )
        for item in [*current.values(), *hollow_only.values()]:
            key = PageKey(item.page_id).key
            if item.attrs.get(anchor_name) is None:
                continue
            opens_at = anchor_instant(item.attrs[anchor_name])
            if opens_at is None:
                yield ctx.obligation(
                    period_key=key,
                    due_at=None,
                    status=Status.NOT_APPLICABLE,
                    reference_at=item.first_live(ctx.as_of) or ctx.as_of,
                    evidence=(item.ref,),
                    reason=reasons.no_anchor(item.title, anchor_name),
                )
                continue
            due_at = spec.resolve(base=opens_at, school_year_start=None, calendar=ctx.calendar)
            due_at += grace
            # every item of the page with the same anchor: an edit that only changed the text
            # (another substance measure) continues the same evidence
            same = [
                other
                for other in ctx.items
                if other.page_id == item.page_id
                and other.attrs.get(anchor_name) == item.attrs[anchor_name]
            ]
            stretches = known_stretches(same, as_of=ctx.as_of, opens_at=opens_at)
            assessment = assess(
                stretches=stretches, due_at=due_at, inclusive=inclusive, as_of=ctx.as_of
            )
            yield ctx.obligation(
                period_key=key,
                due_at=due_at,
                due_inclusive=inclusive,
                status=assessment.status,
                satisfied_at=assessment.satisfied_at,
                late_by=assessment.late_by,
                evidence=(item.ref,),
                flags=_backdated(item, anchor_name, opens_at, max_backdate),
                reason=(
                    hollow_reasons.get(item.page_id)
                    if assessment.status in (Status.MISSING, Status.PENDING)
                    and item.page_id in hollow_reasons
                    else describe(
                        assessment,
                        what=reasons.titled(item.title),
                        due_at=due_at,
                        inclusive=inclusive,
                    )
                ),
            )

    @staticmethod
    def _current_items(
        items: Iterable[EvidenceItem], as_of: datetime
    ) -> Mapping[int, EvidenceItem]:
        """Per page, the item that went live last (never-live items rank below live ones)."""
        current: dict[int, tuple[tuple[int, datetime | None], EvidenceItem]] = {}
        for item in items:
            known = item.live_until(as_of)
            rank = (1, known[-1][0]) if known else (0, None)
            held = current.get(item.page_id)
            if held is None or _later(rank, held[0]):
                current[item.page_id] = (rank, item)
        return {pid: item for pid, (_, item) in current.items()}


def _later(rank: tuple[int, datetime | None], than: tuple[int, datetime | None]) -> bool:
    if rank[0] != than[0]:
        return rank[0] > than[0]
    return rank[1] is None or (than[1] is not None and rank[1] >= than[1])


def _backdated(
    item: EvidenceItem, anchor_name: str, claimed: datetime, limit: timedelta
) -> dict[str, Any]:
    """`{"anchor_backdated": {...}}` when the claimed anchor is more than `limit` before the
    page was created (a zero limit is off), else `{}`."""
    if not limit or item.created_at is None or claimed >= item.created_at - limit:
        return {}
    return {
        "anchor_backdated": {
            "anchor": anchor_name,
            "claimed": claimed.isoformat(),
            "created_at": item.created_at.isoformat(),
            "limit_hours": limit.total_seconds() / 3600,
        }
    }
