"""The authority's rules on /quan-ly/quy-dinh/: what is in force (own or inherited), a
parameter change effective from a date, and the nightly application of scheduled changes.
Every change goes through compliance's `rule_parameters_set` (the `set_rule_parameters`
command's service), which checks it against the kind's schema and records who, when, before
and after (`RuleParameterChange`); the authority's schools are then re-evaluated."""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from compliance.models import RuleParameterChange, RuleParameterOverride
from compliance.selectors import authority_chain, parameter_overrides, rulesets_in_force
from compliance.services.configuration import ConfigurationError, rule_parameters_set
from compliance.services.outbox import evaluations_request
from portal.models import PendingRuleChange
from portal.rule_params import ParamRow, editable_params
from tenants.models import Authority
from tenants.selectors import schools_of_authority


@dataclass(frozen=True)
class RuleView:
    ruleset_id: str
    rule: object  # compliance.engine.rulesets.Rule
    rows: list[ParamRow]
    source: str  # "" (the rule set's own values), "own" or the name of the body it comes from


def rules_in_force(authority: Authority) -> list[tuple[object, list[RuleView]]]:
    """[(rule set in force, [RuleView, …]), …] for the authority."""
    merged = parameter_overrides(authority)
    origin: dict[tuple[str, str], str] = {}
    for body in reversed(authority_chain(authority)):
        for o in RuleParameterOverride.objects.filter(authority=body).exclude(params={}):
            origin[(o.ruleset_id, o.rule_id)] = "own" if body == authority else body.name
    out = []
    for in_force in rulesets_in_force(authority):
        ruleset = in_force.ruleset
        views = [
            RuleView(
                ruleset_id=ruleset.id,
                rule=rule,
                rows=editable_params(rule, merged.get((ruleset.id, rule.id), {})),
                source=origin.get((ruleset.id, rule.id), ""),
            )
            for rule in ruleset.rules
        ]
        out.append((in_force, views))
    return out


def rule_history(authority: Authority):
    return RuleParameterChange.objects.filter(authority=authority)[:50]


def rule_change_request(
    *,
    authority: Authority,
    ruleset_id: str,
    rule_id: str,
    params: dict,
    effective_from: dt.date,
    actor: str,
    today: dt.date | None = None,
):
    """Apply now (effective today or earlier) or schedule; returns the override or the
    PendingRuleChange. Raises ConfigurationError with a Vietnamese sentence."""
    today = today or timezone.localdate()
    if effective_from > today:
        _check(authority=authority, ruleset_id=ruleset_id, rule_id=rule_id, params=params)
        return PendingRuleChange.objects.create(
            authority=authority,
            ruleset_id=ruleset_id,
            rule_id=rule_id,
            params=params,
            effective_from=effective_from,
            requested_by=actor,
        )
    return _apply(
        authority=authority, ruleset_id=ruleset_id, rule_id=rule_id, params=params, actor=actor
    )


def _check(*, authority, ruleset_id, rule_id, params) -> None:
    """Validate without storing (a scheduled change must be valid today)."""
    with transaction.atomic():
        _apply(
            authority=authority, ruleset_id=ruleset_id, rule_id=rule_id, params=params, actor="",
            evaluate=False,
        )  # fmt: skip
        transaction.set_rollback(True)


def _apply(*, authority, ruleset_id, rule_id, params, actor, evaluate=True):
    try:
        override = rule_parameters_set(
            authority=authority,
            ruleset_id=ruleset_id,
            rule_id=rule_id,
            params=params,
            changed_by=actor,
        )
    except ConfigurationError as exc:
        raise ConfigurationError(
            _("Giá trị không hợp lệ cho quy định %(rule)s: %(reason)s")
            % {"rule": f"{ruleset_id}/{rule_id}", "reason": exc}
        ) from exc
    if evaluate:
        # Through compliance's outbox: kept if the broker is down, sent after the commit.
        evaluations_request(
            list(schools_of_authority(authority).values_list("schema_name", flat=True))
        )
    return override


def rule_changes_apply(*, today: dt.date | None = None) -> int:
    """Make every scheduled change whose day has come (the nightly task); returns how many."""
    today = today or timezone.localdate()
    count = 0
    for pending in PendingRuleChange.objects.filter(
        applied_at__isnull=True, effective_from__lte=today
    ).select_related("authority"):
        with transaction.atomic():
            _apply(
                authority=pending.authority,
                ruleset_id=pending.ruleset_id,
                rule_id=pending.rule_id,
                params=pending.params,
                actor=pending.requested_by,
            )
            pending.applied_at = timezone.now()
            pending.save(update_fields=["applied_at"])
        count += 1
    return count
