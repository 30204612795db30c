"""/quan-ly/quy-dinh/: the rules in force for this authority with their parameters in
Vietnamese (members), a change effective from a date (admins), and the audited history."""

import datetime as dt
from dataclasses import replace

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from compliance.selectors import bundled_rulesets, parameter_overrides
from compliance.services.configuration import ConfigurationError
from portal.models import PendingRuleChange
from portal.permissions import portal_admin_required, portal_member_required
from portal.rule_params import BOUNDARY_VI, ParamInputError, params_from_form
from portal.services.rules import (
    pending_rule_rows,
    rule_change_request,
    rule_history_rows,
    rules_in_force,
)
from portal.views.common import portal_render
from portal.views.workplace import actor
from tenants.dates import DateInputError, date_parse


@portal_member_required
def rules(request):
    return _rules_page(request)


def _rules_page(request, *, refused: tuple[str, str] | None = None, error: str = "", status=200):
    """The rules' page; after a refused change (`refused` = (rule set, rule)) that rule's form
    is open with what was typed and the reason above it."""
    rulesets = rules_in_force(request.authority)
    if refused:
        rulesets = [
            (
                in_force,
                [_typed(view, request.POST) if _is(view, refused) else view for view in views],
            )
            for in_force, views in rulesets
        ]
    return portal_render(
        request,
        "portal/manage/rules.html",
        {
            "rulesets": rulesets,
            "refused_key": "/".join(refused) if refused else "",
            "refused_error": error,
            "typed_from": request.POST.get("hieu_luc", "") if refused else "",
            "history": rule_history_rows(request.authority),
            "pending": pending_rule_rows(request.authority),
            "boundaries": BOUNDARY_VI.items(),
            "today": timezone.localdate(),
        },
        status=status,
    )


def _is(view, refused) -> bool:
    return (view.ruleset_id, view.rule.id) == refused


def _typed(view, posted):
    """The view with the submitted values in its rows (a checkbox left off is off)."""
    rows = []
    for row in view.rows:
        if row.widget == "bool":
            value = bool(posted.get(row.name))
        else:
            value = posted.get(row.name, row.value)
        rows.append(replace(row, value=value))
    return replace(view, rows=rows)


@require_POST
@portal_admin_required
def rule_change(request, ruleset_id: str, rule_id: str):
    try:
        rule = bundled_rulesets()[ruleset_id].rule(rule_id)
    except KeyError:
        raise Http404("no such rule") from None
    in_force = parameter_overrides(request.authority).get((ruleset_id, rule_id), {})
    try:
        params = params_from_form(rule, in_force, request.POST)
        effective_from = _date(request.POST.get("hieu_luc", ""))
        result = rule_change_request(
            authority=request.authority,
            ruleset_id=ruleset_id,
            rule_id=rule_id,
            params=params,
            effective_from=effective_from,
            actor=actor(request),
        )
    except (ParamInputError, ConfigurationError) as exc:
        return _rules_page(request, refused=(ruleset_id, rule_id), error=str(exc), status=400)
    if isinstance(result, PendingRuleChange):
        messages.success(
            request,
            _("Đã lên lịch thay đổi quy định “%(rule)s”, áp dụng từ %(date)s.")
            % {"rule": rule.title_vi, "date": effective_from.strftime("%d/%m/%Y")},
        )
    else:
        messages.success(
            request,
            _("Đã áp dụng thay đổi quy định “%(rule)s”; các trường đang được đánh giá lại.")
            % {"rule": rule.title_vi},
        )
    return redirect("portal:manage_rules")


def _date(text: str) -> dt.date:
    text = text.strip()
    if not text:
        return timezone.localdate()
    try:
        return date_parse(text)
    except DateInputError as exc:
        raise ParamInputError(_("Ngày áp dụng: %(reason)s") % {"reason": exc}) from None
