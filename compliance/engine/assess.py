"""Judging one deadline against the live stretches of the pages that can satisfy it.

The one rule every periodic and per-item obligation shares:
- evidence is read as known at `as_of` (later publications ignored, later unpublications not
  yet happened);
- on time: a page was live across the deadline (for BEFORE, live just before due_at; for BY,
  live at due_at); satisfied_at is the start of that live stretch;
- late: nothing live across the deadline, but a page went live after it; satisfied_at is the
  first such start — so a page unpublished before the deadline and republished after counts
  from the republish;
- missing: the deadline has passed and nothing of the above;
- before the deadline: on time (provisionally) if a page is live at as_of, else pending.
A page live across the deadline and unpublished later stays on time: keeping content online is
the retention rule's business, not this one's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from . import reasons
from .evidence import EvidenceItem, Interval, merge_intervals
from .obligations import Status


@dataclass(frozen=True)
class Assessment:
    status: Status
    satisfied_at: datetime | None = None
    late_by: timedelta | None = None


def known_stretches(
    items: Iterable[EvidenceItem], *, as_of: datetime, opens_at: datetime | None = None
) -> list[Interval]:
    """Merged live stretches of the items as known at `as_of`, counted from `opens_at`."""
    intervals: list[Interval] = []
    for item in items:
        for start, end in item.live_until(as_of):
            if opens_at is not None:
                if end is not None and end <= opens_at:
                    continue
                start = max(start, opens_at)
            intervals.append((start, end))
    return merge_intervals(intervals)


def deadline_passed(*, due_at: datetime, inclusive: bool, as_of: datetime) -> bool:
    return as_of > due_at if inclusive else as_of >= due_at


def assess(
    *, stretches: list[Interval], due_at: datetime, inclusive: bool, as_of: datetime
) -> Assessment:
    """Status of one deadline given merged stretches already cut at `as_of`."""
    if not deadline_passed(due_at=due_at, inclusive=inclusive, as_of=as_of):
        live_now = [s for s, e in stretches if e is None]
        if live_now:
            return Assessment(Status.ON_TIME, satisfied_at=live_now[0])
        return Assessment(Status.PENDING)
    for start, end in stretches:
        if inclusive:
            covers = start <= due_at and (end is None or end > due_at)
        else:
            covers = start < due_at and (end is None or end >= due_at)
        if covers:
            return Assessment(Status.ON_TIME, satisfied_at=start)
    after = [s for s, _ in stretches if (s > due_at if inclusive else s >= due_at)]
    if after:
        return Assessment(Status.LATE, satisfied_at=after[0], late_by=after[0] - due_at)
    return Assessment(Status.MISSING)


def describe(assessment: Assessment, *, what: str, due_at: datetime, inclusive: bool) -> str:
    """A one-line reason for an assessment, in Vietnamese (`reasons`)."""
    satisfied, late_by = assessment.satisfied_at, assessment.late_by
    if assessment.status == Status.ON_TIME and satisfied is not None:
        return reasons.on_time(what, since=satisfied, due_at=due_at, inclusive=inclusive)
    if assessment.status == Status.LATE and satisfied is not None and late_by is not None:
        return reasons.late(what, at=satisfied, late_by=late_by, due_at=due_at, inclusive=inclusive)
    if assessment.status == Status.MISSING:
        return reasons.missing(what, due_at=due_at, inclusive=inclusive)
    return reasons.pending(what, due_at=due_at, inclusive=inclusive)
