"""Reads of the public schema that feed the evaluator: which rule sets, parameters and calendar
apply to an authority's schools (each inherited from the parent when the authority has none)."""

from datetime import date
from functools import lru_cache

from django.db.models import Case, Q, Value, When

from compliance.engine import BreakWeek, SchoolCalendar, SchoolYear
from compliance.engine.rulesets import RuleSet, RuleSetInForce, load_rulesets
from compliance.models import CalendarYear, RuleParameterOverride, RulesetAssignment
from tenants.models import Authority

# When an authority (and every body above it) has chosen nothing: each shipped rule set from
# the day its source took effect.
DEFAULT_ASSIGNMENTS = (
    ("letter-2015", date(2015, 2, 8)),  # Phong Điền letter, 08/02/2015
    ("tt37-2020", date(2020, 12, 1)),  # Circular 37/2020/TT-BGDĐT
    ("tt09-2024", date(2024, 7, 19)),  # Circular 09/2024/TT-BGDĐT, in force 19/07/2024
)


@lru_cache(maxsize=1)
def bundled_rulesets() -> dict[str, RuleSet]:
    return load_rulesets()


def authority_chain(authority: Authority) -> list[Authority]:
    """The authority, its parent, … up to the top (nearest first)."""
    chain, seen = [], set()
    while authority is not None and authority.pk not in seen:
        chain.append(authority)
        seen.add(authority.pk)
        authority = authority.parent
    return chain


def rulesets_in_force(authority: Authority) -> list[RuleSetInForce]:
    """The nearest authority's assignments (or the defaults), as the evaluator takes them."""
    available = bundled_rulesets()
    for body in authority_chain(authority):
        assignments = list(RulesetAssignment.objects.filter(authority=body))
        if assignments:
            return [
                RuleSetInForce(available[a.ruleset_id], a.effective_from, a.effective_to)
                for a in assignments
                if a.ruleset_id in available
            ]
    return [RuleSetInForce(available[rid], start, None) for rid, start in DEFAULT_ASSIGNMENTS]


def parameter_overrides(authority: Authority) -> dict[tuple[str, str], dict]:
    """Overrides along the chain; a nearer body's value wins over its parent's."""
    merged: dict[tuple[str, str], dict] = {}
    for body in reversed(authority_chain(authority)):
        for override in RuleParameterOverride.objects.filter(authority=body):
            key = (override.ruleset_id, override.rule_id)
            merged[key] = {**merged.get(key, {}), **override.params}
    return merged


def school_calendar(authority: Authority) -> SchoolCalendar:
    """Configured school years (nearest body first); other years use the ministry frame."""
    years: dict[int, SchoolYear] = {}
    for body in authority_chain(authority):
        for row in CalendarYear.objects.filter(authority=body):
            years.setdefault(row.school_year_start, calendar_year_as_school_year(row))
    return SchoolCalendar(years=tuple(years.values()))


def calendar_of_school(school) -> SchoolCalendar:
    """A school's calendar (its authority's, else the nearest body's above it, up to two levels
    up) in one query; `SCHOOL_CALENDAR_PROVIDER` names this for the school's own site
    (sitepages/calendar.py), which asks it on every page that shows a week."""
    body = school.authority_id
    rows = (
        CalendarYear.objects.filter(
            Q(authority_id=body)
            | Q(authority__children__id=body)
            | Q(authority__children__children__id=body)
        )
        .annotate(
            distance=Case(
                When(authority_id=body, then=Value(0)),
                When(authority__children__id=body, then=Value(1)),
                default=Value(2),
            )
        )
        .order_by("distance")
    )
    years: dict[int, SchoolYear] = {}
    for row in rows:
        years.setdefault(row.school_year_start, calendar_year_as_school_year(row))
    return SchoolCalendar(years=tuple(years.values()))


def calendar_year_as_school_year(row: CalendarYear) -> SchoolYear:
    return SchoolYear(
        school_year_start=row.school_year_start,
        s1_first=row.semester1_start,
        s1_last=row.semester1_end,
        s2_first=row.semester2_start,
        s2_last=row.semester2_end,
        breaks=tuple(
            BreakWeek(date.fromisoformat(b["monday"]), b.get("label", "other")) for b in row.breaks
        ),
    )
