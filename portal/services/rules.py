"""The authority's rules on /quan-ly/quy-dinh/: what is in force (own or inherited), a
parameter change effective from a date, and the nightly application of scheduled changes.
Every change goes through compliance's `rule_parameters_set` (the `set_rule_parameters`
command's service), which checks it against the kind's schema and records who, when, before
and after (`RuleParameterChange`); the authority's schools are then re-evaluated."""

import datetime as dt
import logging
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from compliance.models import RuleParameterChange, RuleParameterOverride
from compliance.selectors import (
    authority_chain,
    bundled_rulesets,
    parameter_overrides,
    rulesets_in_force,
)
from compliance.services.configuration import ConfigurationError, rule_parameters_set
from compliance.services.outbox import evaluations_request
from portal.models import PendingRuleChange
from portal.rule_params import MEANINGS, ParamRow, editable_params, params_text, rule_name
from tenants.models import Authority
from tenants.selectors import schools_of_authority

logger = logging.getLogger(__name__)


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


@dataclass(frozen=True)
class RuleChangeRow:
    """One change (made or scheduled) as the history shows it: the rule's Vietnamese name and
    its parameters in words, never ids or JSON."""

    rule: str  # "Tin tức sự kiện"
    ruleset: str  # the rule set's title
    before: str  # "tối thiểu 2 tin/tuần (mặc định)"
    after: str  # "tối thiểu 3 tin/tuần"


def rule_change_row(*, ruleset_id: str, rule_id: str, before: dict | None, after: dict):
    """`before`/`after` are stored overrides ({} = the rule file's values); `before=None` for
    a scheduled change (its "before" is whatever is then in force)."""
    try:
        ruleset = bundled_rulesets()[ruleset_id]
        rule = ruleset.rule(rule_id)
    except KeyError:  # a rule set retired since: its ids are all there is
        return RuleChangeRow(f"{ruleset_id}/{rule_id}", "", str(before or ""), str(after))
    shown = [*(after or {}), *(k for k in (before or {}) if k not in (after or {}))]
    file_values = {k: rule.params[k] for k in shown if k in rule.params}

    def words(params: dict) -> str:
        own = params_text(rule, {k: params[k] for k in shown if k in params})
        rest = {k: v for k, v in file_values.items() if k not in params}
        if not rest:
            return own
        default = _("%(values)s (mặc định)") % {"values": params_text(rule, rest)}
        return f"{own}; {default}" if own else default

    return RuleChangeRow(
        rule=rule_name(rule),
        ruleset=ruleset.title_vi or ruleset.id,
        before="" if before is None else words(before),
        after=words(after or {}),
    )


def rule_history_rows(authority: Authority) -> list[tuple[RuleParameterChange, RuleChangeRow]]:
    """The last 50 changes of the authority's rules, newest first, each with its words."""
    return [
        (c, rule_change_row(ruleset_id=c.ruleset_id, rule_id=c.rule_id, before=c.before,
                            after=c.after))
        for c in rule_history(authority)
    ]  # fmt: skip


def pending_rule_rows(authority: Authority) -> list[tuple[PendingRuleChange, RuleChangeRow]]:
    """Scheduled changes not yet applied, soonest first, each with its words."""
    return [
        (p, rule_change_row(ruleset_id=p.ruleset_id, rule_id=p.rule_id, before=None,
                            after=p.params))
        for p in PendingRuleChange.objects.filter(authority=authority, applied_at__isnull=True)
    ]  # fmt: skip


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
        # The kinds' schemas explain in English for the rule files' authors; the office reads
        # which of its parameters is out of range, in Vietnamese.
        logger.info("rule change refused for %s/%s: %s", ruleset_id, rule_id, exc)
        named = [str(label) for name, label in MEANINGS.items() if f"'{name}'" in str(exc)]
        raise ConfigurationError(
            _("Giá trị không hợp lệ cho quy định %(rule)s: %(params)s nằm ngoài giới hạn cho phép.")
            % {
                "rule": _rule_title(ruleset_id, rule_id),
                "params": ", ".join(named) if named else _("các tham số đã nhập"),
            }
        ) from exc
    if evaluate:
        # Through compliance's outbox: kept if the broker is down, sent after the commit.
        evaluations_request(
            list(schools_of_authority(authority).values_list("schema_name", flat=True))
        )
    return override


def _rule_title(ruleset_id: str, rule_id: str) -> str:
    try:
        return f"“{bundled_rulesets()[ruleset_id].rule(rule_id).title_vi}”"
    except KeyError:
        return f"{ruleset_id}/{rule_id}"


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
