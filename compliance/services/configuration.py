"""What an authority configures without touching code: which rule sets apply from when, its
own rule parameters (every change recorded: who, when, before, after) and its school calendar.
Every input is validated here, so the portal, the CLI and tests get the same specific errors."""

import datetime as dt

from django.db import transaction

from compliance.engine import BreakWeek, SchoolYear, get_kind
from compliance.models import (
    CalendarYear,
    RuleParameterChange,
    RuleParameterOverride,
    RulesetAssignment,
)
from compliance.selectors import bundled_rulesets
from tenants.models import Authority


class ConfigurationError(ValueError):
    """Bad configuration input; the message names the rule set, rule or field."""


def ruleset_assign(
    *,
    authority: Authority,
    ruleset_id: str,
    effective_from: dt.date,
    effective_to: dt.date | None = None,
) -> RulesetAssignment:
    if ruleset_id not in bundled_rulesets():
        raise ConfigurationError(
            f"unknown rule set '{ruleset_id}'; available: {', '.join(sorted(bundled_rulesets()))}"
        )
    if effective_to is not None and effective_to <= effective_from:
        raise ConfigurationError("the end date must be after the start date")
    overlapping = RulesetAssignment.objects.filter(authority=authority, ruleset_id=ruleset_id)
    for other in overlapping:
        ends_after = other.effective_to is None or other.effective_to > effective_from
        starts_before = effective_to is None or other.effective_from < effective_to
        if ends_after and starts_before:
            raise ConfigurationError(
                f"{ruleset_id} is already in force for {authority.code} from {other.effective_from:%d/%m/%Y}; "
                "end that period first"
            )
    return RulesetAssignment.objects.create(
        authority=authority,
        ruleset_id=ruleset_id,
        effective_from=effective_from,
        effective_to=effective_to,
    )


@transaction.atomic
def rule_parameters_set(
    *, authority: Authority, ruleset_id: str, rule_id: str, params: dict, changed_by: str
) -> RuleParameterOverride:
    """Set an authority's parameters for one rule, checked against the rule kind's schema."""
    try:
        rule = bundled_rulesets()[ruleset_id].rule(rule_id)
    except KeyError as exc:
        raise ConfigurationError(f"unknown rule {ruleset_id}/{rule_id}") from exc
    problems = get_kind(rule.kind).problems({**rule.params, **params})
    if problems:
        raise ConfigurationError(f"{ruleset_id}/{rule_id}: " + "; ".join(problems))
    override, _ = RuleParameterOverride.objects.select_for_update().get_or_create(
        authority=authority, ruleset_id=ruleset_id, rule_id=rule_id
    )
    before = dict(override.params)
    override.params = dict(params)
    override.save()
    RuleParameterChange.objects.create(
        authority=authority,
        ruleset_id=ruleset_id,
        rule_id=rule_id,
        before=before,
        after=override.params,
        changed_by=changed_by,
    )
    return override


def calendar_year_set(
    *,
    authority: Authority,
    school_year_start: int,
    semester1: tuple[dt.date, dt.date],
    semester2: tuple[dt.date, dt.date],
    breaks: list[tuple[dt.date, str]] = (),
) -> CalendarYear:
    """An authority's calendar for one school year; the engine checks the dates' order."""
    try:
        SchoolYear(
            school_year_start=school_year_start,
            s1_first=semester1[0],
            s1_last=semester1[1],
            s2_first=semester2[0],
            s2_last=semester2[1],
            breaks=tuple(BreakWeek(monday, label) for monday, label in breaks),
        )
    except ValueError as exc:
        raise ConfigurationError(str(exc)) from exc
    row, _ = CalendarYear.objects.update_or_create(
        authority=authority,
        school_year_start=school_year_start,
        defaults={
            "semester1_start": semester1[0],
            "semester1_end": semester1[1],
            "semester2_start": semester2[0],
            "semester2_end": semester2[1],
            "breaks": [{"monday": monday.isoformat(), "label": label} for monday, label in breaks],
        },
    )
    return row
