"""Small builders for the engine's tests: local instants, evidence, one-rule rule sets."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any

from compliance.engine import (
    EvidenceItem,
    EvidenceSnapshot,
    Obligation,
    RuleSet,
    SchoolCalendar,
    evaluate,
    load_rulesets,
)
from compliance.engine.rulesets import parse_ruleset
from tenants.schoolcalendar.localtime import local_instant

SECOND = timedelta(seconds=1)
ALL_LEVELS = ["preschool", "primary", "lower_secondary"]
BUNDLED = load_rulesets()
EPOCH = date(2000, 1, 1)
# What a page with real content measures; tests about timing use it, tests about substance
# pass their own (`measures={}` is an empty page).
FULL = {"words": 400, "files": 1, "rows": 5, "images": 1}


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0):
    """An aware UTC instant given as Vietnamese wall-clock time."""
    return local_instant(date(year, month, day), hour, minute, second)


def item(
    page_id: int,
    page_type: str,
    *live: tuple[datetime, datetime | None] | datetime,
    period: dict[str, Any] | None = None,
    attrs: dict[str, Any] | None = None,
    title: str | None = None,
    measures: dict[str, int] | None = None,
) -> EvidenceItem:
    """An evidence item; a bare datetime in `live` means "live from then on"."""
    intervals = tuple(span if isinstance(span, tuple) else (span, None) for span in live)
    return EvidenceItem(
        page_id=page_id,
        page_type=page_type,
        title=title or f"{page_type} {page_id}",
        url=f"/p/{page_id}/",
        period=period or {},
        attrs=attrs or {},
        live=intervals,
        measures=FULL if measures is None else measures,
    )


def week(monday: date) -> dict[str, Any]:
    return {"week_start": monday}


def snapshot(
    *items: EvidenceItem,
    levels: Iterable[str] = ("lower_secondary",),
    serves_meals: bool = False,
    taken_at: datetime | None = None,
    opened_at: datetime | None = None,
) -> EvidenceSnapshot:
    return EvidenceSnapshot(
        school_levels=frozenset(levels),
        items=tuple(items),
        taken_at=taken_at or at(2040, 1, 1),
        serves_meals=serves_meals,
        opened_at=opened_at,
    )


def rule_dict(
    rule_id: str,
    kind: str,
    page_types: list[str],
    params: dict[str, Any] | None = None,
    *,
    levels: list[str] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    return {
        "id": rule_id,
        "title_vi": f"{rule_id} (vi)",
        "title_en": f"{rule_id} (en)",
        "citation": "test citation",
        "levels": levels or ALL_LEVELS,
        "page_types": page_types,
        "kind": kind,
        "params": params or {},
        **extra,
    }


def ruleset_of(*rules: dict[str, Any], ruleset_id: str = "test") -> RuleSet:
    """A valid rule set built in memory (fails loudly if the test wrote a bad rule)."""
    data = {
        "id": ruleset_id,
        "title_vi": "Bộ quy tắc thử",
        "title_en": "Test rule set",
        "source": "tests",
        "rules": list(rules),
    }
    ruleset, problems = parse_ruleset(data=data, file=f"{ruleset_id}.toml")
    assert ruleset is not None, [str(p) for p in problems]
    return ruleset


def shipped(ruleset_id: str, *rule_ids: str) -> RuleSet:
    """A bundled rule set cut down to some of its rules, so a test sees only those."""
    full = BUNDLED[ruleset_id]
    return RuleSet(
        id=full.id,
        title_vi=full.title_vi,
        title_en=full.title_en,
        source=full.source,
        rules=tuple(full.rule(rule_id) for rule_id in rule_ids),
    )


def run(
    ruleset: RuleSet,
    snap: EvidenceSnapshot,
    *,
    as_of: datetime,
    window: tuple[datetime, datetime] | None = None,
    calendar: SchoolCalendar | None = None,
    overrides: dict[tuple[str, str], dict[str, Any]] | None = None,
) -> list[Obligation]:
    return evaluate(
        rulesets=[(ruleset, EPOCH, None)],
        calendar=calendar or SchoolCalendar(),
        snapshot=snap,
        as_of=as_of,
        window=window,
        overrides=overrides,
    )


def by_key(obligations: Iterable[Obligation], rule: str | None = None) -> dict[str, Obligation]:
    """Obligations by period key (one rule at a time); fails on a duplicate key."""
    found: dict[str, Obligation] = {}
    for obligation in obligations:
        if rule is None or obligation.rule == rule:
            assert obligation.period_key not in found, obligation.period_key
            found[obligation.period_key] = obligation
    return found
