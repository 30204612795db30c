"""Which school levels a rule (or one disclosure item) applies to for a given school.

A combined-level school (e.g. primary + lower secondary) gets a rule if any of its levels
matches. A level can be conditional on a school attribute: the planned menu binds preschools
always, primary and lower-secondary schools only when they serve meals.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from . import reasons
from .evidence import EvidenceSnapshot


def applicable_levels(
    *,
    levels: Collection[str],
    level_conditions: Mapping[str, str],
    snapshot: EvidenceSnapshot,
) -> frozenset[str]:
    """The school's levels the rule binds, after the conditions."""
    return frozenset(
        level
        for level in levels
        if level in snapshot.school_levels
        and (level not in level_conditions or snapshot.attribute(level_conditions[level]))
    )


def not_applicable_reason(
    *,
    levels: Collection[str],
    level_conditions: Mapping[str, str],
    snapshot: EvidenceSnapshot,
) -> str:
    conditions = {
        level: level_conditions[level]
        for level in levels
        if level in level_conditions and level in snapshot.school_levels
    }
    return reasons.not_applicable(
        wanted=levels, conditions=conditions, school=snapshot.school_levels
    )
