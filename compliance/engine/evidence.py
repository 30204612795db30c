"""The evaluator's input: what a school published, for which period, live when.

The database layer builds an `EvidenceSnapshot` from the school's schema (Wagtail's publish
log and revisions, server time) and the engine only reads it. One page can yield several items:
a page published for week 47 and later edited to point at week 48 is two items, each with the
intervals it was live *with that period*, so an edit never carries an old timestamp to a new
period. The same holds for the attributes the latency rules read (`changed_at`, `event_date` …).
Items that were never live (drafts) are kept: a drafted urgent notice is a missed one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple

from tenants.schoolcalendar.localtime import as_utc

LEVELS = frozenset({"preschool", "primary", "lower_secondary"})
SCHOOL_ATTRIBUTES = frozenset({"serves_meals"})

Interval = tuple[datetime, datetime | None]


class EvidenceRef(NamedTuple):
    """What an obligation shows as its evidence: enough to link to the page."""

    page_id: int
    title: str
    url: str


@dataclass(frozen=True)
class EvidenceItem:
    """One page with one period: its fields and the intervals it was live with them.

    `live` holds half-open [start, end) intervals in UTC; end None means still live.
    `measures` is the substance the page carried while live with these values (words, files,
    rows, images: see compliance/engine/substance.py); a revision with other measures is
    another item, so an emptied page stops counting from the publish that emptied it.
    `created_at` (UTC) is when the page was first saved (its first revision, server time), the
    moment a date the editor typed, such as an urgent notice's `received_at`, is checked against.
    """

    page_id: int
    page_type: str
    title: str = ""
    url: str = ""
    period: Mapping[str, Any] = field(default_factory=dict)
    attrs: Mapping[str, Any] = field(default_factory=dict)
    live: tuple[Interval, ...] = ()
    measures: Mapping[str, int] = field(default_factory=dict)
    created_at: datetime | None = None

    def __post_init__(self) -> None:
        if self.created_at is not None:
            object.__setattr__(self, "created_at", as_utc(self.created_at))
        intervals = []
        for start, end in self.live:
            start = as_utc(start)
            end = None if end is None else as_utc(end)
            if end is not None and end <= start:
                raise ValueError(f"page {self.page_id}: live interval ends before it starts")
            intervals.append((start, end))
        intervals.sort(key=lambda i: i[0])
        object.__setattr__(self, "live", tuple(intervals))

    @property
    def ref(self) -> EvidenceRef:
        return EvidenceRef(self.page_id, self.title, self.url)

    def live_until(self, as_of: datetime) -> tuple[Interval, ...]:
        """The intervals as known at `as_of`: later starts dropped, later ends still open."""
        return tuple(
            (start, None if end is None or end > as_of else end)
            for start, end in self.live
            if start <= as_of
        )

    def first_live(self, as_of: datetime) -> datetime | None:
        known = self.live_until(as_of)
        return known[0][0] if known else None


@dataclass(frozen=True)
class EvidenceSnapshot:
    """A school's evidence at `taken_at`: its levels, attributes and items.

    `opened_at` is when the school's site was created (None: long ago): always-present rules
    give a new school a grace period from it.
    """

    school_levels: frozenset[str]
    items: tuple[EvidenceItem, ...]
    taken_at: datetime
    serves_meals: bool = False
    opened_at: datetime | None = None

    def __post_init__(self) -> None:
        unknown = set(self.school_levels) - LEVELS
        if unknown:
            raise ValueError(f"unknown school level(s): {sorted(unknown)}")
        object.__setattr__(self, "school_levels", frozenset(self.school_levels))
        object.__setattr__(self, "items", tuple(self.items))
        object.__setattr__(self, "taken_at", as_utc(self.taken_at))
        if self.opened_at is not None:
            object.__setattr__(self, "opened_at", as_utc(self.opened_at))

    def attribute(self, name: str) -> bool:
        """A school attribute named by a rule's level condition (e.g. `serves_meals`)."""
        if name not in SCHOOL_ATTRIBUTES:
            raise KeyError(name)
        return bool(getattr(self, name))


def merge_intervals(intervals: Iterable[Interval]) -> list[Interval]:
    """Union of intervals as sorted, disjoint stretches (touching ones are joined)."""
    merged: list[list[Any]] = []
    for start, end in sorted(intervals, key=lambda i: i[0]):
        if merged and (merged[-1][1] is None or start <= merged[-1][1]):
            last_end = merged[-1][1]
            merged[-1][1] = None if last_end is None or end is None else max(last_end, end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def matches_filter(item: EvidenceItem, conditions: Mapping[str, Any]) -> bool:
    """A rule's `filter`: every attribute equals the value, or is one of a list of values."""
    for name, expected in conditions.items():
        value = item.attrs.get(name)
        if isinstance(expected, list):
            if value not in expected:
                return False
        elif value != expected:
            return False
    return True
