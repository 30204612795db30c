"""The evaluator: a pure function of (rule sets, calendar, evidence, as_of) → obligations.

No ORM, no clock: `as_of` is an argument, so any past moment can be re-evaluated with the
evidence and the rules in force then.

Window. Without one, the obligations filed (see `Obligation.reference_at`) from 1 July of the
school year holding as_of up to as_of, plus what is coming: the next obligation of every
periodic/frequency rule (per disclosure item) and every per-page obligation not yet due. With
`window=(start, end)`, exactly the obligations filed in [start, end).

Rule sets in force. `rulesets` lists (RuleSet, effective_from, effective_to) entries; a period
is judged by the version in force on the local day it is filed under (the last day it could be
met on time), so a change mid-year applies the rules in force for each period; when versions
disagree on that day across a change, the newer one governs (see `_govern`). Versions of one
rule-set id must not overlap.

Overrides. `{(ruleset_id, rule_id): {param: value}}` replaces parameters (an authority's own
timetable dates); the result is checked against the kind's schema like the file was.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple

from tenants.schoolcalendar.calendar import SchoolCalendar
from tenants.schoolcalendar.localtime import ONE_MICROSECOND, as_utc, local_date, local_midnight
from tenants.schoolcalendar.periods import SCHOOL_YEAR_FIRST_MONTH, SchoolYearKey, school_year_of

from .applicability import applicable_levels, not_applicable_reason
from .evidence import EvidenceSnapshot
from .kinds import Kind, RuleContext, get_kind
from .obligations import Obligation, Status
from .rulesets import Rule, RuleSetInForce

Overrides = Mapping[tuple[str, str], Mapping[str, Any]]
LOOKAHEAD = timedelta(days=400)


class InvalidOverride(ValueError):
    """An authority's parameter override does not fit the rule's kind."""


def evaluate(
    *,
    rulesets: Sequence[RuleSetInForce | tuple[Any, date, date | None]],
    calendar: SchoolCalendar,
    snapshot: EvidenceSnapshot,
    as_of: datetime,
    window: tuple[datetime, datetime] | None = None,
    overrides: Overrides | None = None,
    since: datetime | None = None,
) -> list[Obligation]:
    """Every obligation of the school in the window, judged as of `as_of`.

    `since` (e.g. when the school joined the platform) moves the default window's start later:
    nothing is owed for the time before a school had a site here.
    """
    as_of = as_utc(as_of)
    if as_of > snapshot.taken_at:
        raise ValueError("as_of is after the snapshot was taken: later evidence is unknown")
    entries = [RuleSetInForce(*entry) for entry in rulesets]
    overrides = overrides or {}
    _check_override_targets(entries, overrides)
    if window is None:
        year = school_year_of(local_date(as_of))
        start = local_midnight(date(year, SCHOOL_YEAR_FIRST_MONTH, 1))
        if since is not None:
            start = min(max(start, as_utc(since)), as_of)
        end, span_end = as_of + ONE_MICROSECOND, as_of + LOOKAHEAD
    else:
        start, end = as_utc(window[0]), as_utc(window[1])
        if start >= end:
            raise ValueError("window start must be before its end")
        span_end = end
    results: list[Obligation] = []
    for versions in _by_ruleset(entries).values():
        for rule_id in dict.fromkeys(r.id for v in versions for r in v.ruleset.rules):
            context = _Context(calendar, snapshot, as_of, start, end, span_end, overrides)
            results.extend(_rule_obligations(versions, rule_id, context, upcoming=window is None))
    results.sort(key=lambda o: (o.reference_at or as_of, o.ruleset, o.rule, o.period_key))
    return results


class _Context(NamedTuple):
    calendar: SchoolCalendar
    snapshot: EvidenceSnapshot
    as_of: datetime
    start: datetime
    end: datetime
    span_end: datetime
    overrides: Overrides


def _rule_obligations(
    versions: Sequence[RuleSetInForce], rule_id: str, context: _Context, *, upcoming: bool
) -> list[Obligation]:
    """One rule's obligations across the versions of its rule set, one per period."""
    found: list[Obligation] = []
    candidates: dict[str, list[tuple[RuleSetInForce, Obligation]]] = {}
    for version in versions:
        rule = next((r for r in version.ruleset.rules if r.id == rule_id), None)
        if rule is None:
            continue
        kind = get_kind(rule.kind)
        params = _params(version.ruleset.id, rule, kind, context.overrides)
        if not applicable_levels(
            levels=rule.levels, level_conditions=rule.level_conditions, snapshot=context.snapshot
        ):
            if not found and _overlaps(version, context.start, context.end):
                found.append(_not_applicable(version.ruleset.id, rule, context))
            continue
        ctx = RuleContext(
            ruleset_id=version.ruleset.id,
            rule=rule,
            params=params,
            calendar=context.calendar,
            snapshot=context.snapshot,
            as_of=context.as_of,
            span_start=context.start,
            span_end=context.span_end,
        )
        for obligation in kind.obligations(ctx):
            if obligation.reference_at is not None:
                candidates.setdefault(obligation.period_key, []).append((version, obligation))
    governed = [o for o in map(_govern, candidates.values()) if o is not None]
    return found + _select(governed, context.start, context.end, upcoming=upcoming)


def _by_ruleset(entries: Sequence[RuleSetInForce]) -> dict[str, list[RuleSetInForce]]:
    """Entries grouped by rule-set id, oldest first; two in force on one day are refused."""
    groups: dict[str, list[RuleSetInForce]] = {}
    for entry in entries:
        groups.setdefault(entry.ruleset.id, []).append(entry)
    for ruleset_id, group in groups.items():
        group.sort(key=lambda e: e.effective_from)
        for before, after in zip(group, group[1:], strict=False):
            if before.effective_to is None or before.effective_to > after.effective_from:
                raise ValueError(f"rule set {ruleset_id!r} is in force twice on the same days")
    return groups


def _govern(options: list[tuple[RuleSetInForce, Obligation]]) -> Obligation | None:
    """The one judgement of a period when several versions of a rule set describe it.

    Each version files the period on its own last on-time day. The versions in force on any
    day between the earliest and the latest of those days are eligible, and the newest of them
    governs (new rules win across a change); a version never in force then has no say. With one
    version (or identical deadlines) this is simply "the version in force on the due date".
    """
    days = [local_date(o.reference_at) for _, o in options if o.reference_at is not None]
    first, last = min(days), max(days)
    eligible = [
        (version, obligation)
        for version, obligation in options
        if version.effective_from <= last
        and (version.effective_to is None or version.effective_to > first)
    ]
    if not eligible:
        return None
    return max(eligible, key=lambda pair: pair[0].effective_from)[1]


def _params(ruleset_id: str, rule: Rule, kind: Kind, overrides: Overrides) -> dict[str, Any]:
    override = overrides.get((ruleset_id, rule.id))
    if not override:
        return kind.resolved(rule.params)
    merged = {**rule.params, **override}
    problems = kind.problems(merged)
    if problems:
        raise InvalidOverride(f"override of {ruleset_id}/{rule.id}: " + "; ".join(problems))
    return kind.resolved(merged)


def _select(
    produced: Iterable[Obligation], start: datetime, end: datetime, *, upcoming: bool
) -> list[Obligation]:
    chosen: list[Obligation] = []
    future: list[tuple[datetime, Obligation]] = []
    for obligation in produced:
        filed = obligation.reference_at
        if filed is None:
            continue
        if start <= filed < end:
            chosen.append(obligation)
        elif upcoming and filed >= end and obligation.status != Status.NOT_APPLICABLE:
            future.append((filed, obligation))
    future.sort(key=lambda pair: pair[0])
    nexts: dict[str | None, Obligation] = {}
    for _, obligation in future:
        if get_kind(obligation.kind).upcoming == "all":
            chosen.append(obligation)
        else:
            nexts.setdefault(obligation.item, obligation)
    return chosen + list(nexts.values())


def _not_applicable(ruleset_id: str, rule: Rule, context: _Context) -> Obligation:
    return Obligation(
        ruleset=ruleset_id,
        rule=rule.id,
        kind=rule.kind,
        weight=rule.weight,
        period_key=SchoolYearKey(school_year_of(local_date(context.as_of))).key,
        due_at=None,
        status=Status.NOT_APPLICABLE,
        reason=not_applicable_reason(
            levels=rule.levels, level_conditions=rule.level_conditions, snapshot=context.snapshot
        ),
    )


def _overlaps(entry: RuleSetInForce, start: datetime, end: datetime) -> bool:
    first, last = local_date(start), local_date(end - ONE_MICROSECOND)
    return entry.effective_from <= last and (
        entry.effective_to is None or entry.effective_to > first
    )


def _check_override_targets(entries: Sequence[RuleSetInForce], overrides: Overrides) -> None:
    known = {(e.ruleset.id, r.id) for e in entries for r in e.ruleset.rules}
    listed = {e.ruleset.id for e in entries}
    for target in overrides:
        if target[0] in listed and target not in known:
            raise InvalidOverride(f"override names rule {target[1]!r}, not in {target[0]!r}")
