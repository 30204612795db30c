"""The compliance panel of a school's Wagtail admin: what is late, missing or due soon,
read from the stored results (never computed while the page renders), with a button that
creates the page for that period in the right section (sitepages' "Việc cần làm" action)."""

import datetime as dt

from django.utils import timezone
from wagtail.admin.ui.components import Component

from compliance.models import ObligationResult, ObligationStatus, SchoolEvaluation
from compliance.presentation import (
    CATEGORY_LABELS,
    STATUS_LABELS,
    duration_text,
    local_text,
    rule_title,
)
from schoolcalendar.periods import parse_period_key

# Rule ids whose page the "create" button can make, and the sitepages kind that makes it.
CREATABLE = {
    "weekly-plan": "weekly-plan",
    "mn-weekly-plan": "weekly-plan",
    "work-schedule": "work-schedule",
    "lesson-register": "lesson-register",
    "menu": "menu",
    "monthly-plan": "monthly-plan",
    "mn-monthly-plan": "monthly-plan",
    "annual-plan": "annual-plan",
    "timetable": "timetable",
}
SOON = dt.timedelta(days=7)


def sitepages_period_key(period_key: str) -> str | None:
    """`2026-W47` → `2026-11-16`, `2026-11` → `2026-11-01`, `2026-2027` → `2026`,
    `2026-2027/S1` → `2026-1`: the period as the create action names it."""
    try:
        period = parse_period_key(period_key)
    except (ValueError, KeyError):
        return None
    kind = type(period).__name__
    if kind == "WeekKey":
        return period.monday.isoformat()
    if kind == "MonthKey":
        return dt.date(period.year, period.month, 1).isoformat()
    if kind == "SemesterKey":
        return f"{period.school_year_start}-{period.semester}"
    if kind == "SchoolYearKey":
        return str(period.start)
    return None


def panel_rows(*, school, now) -> list[dict]:
    results = ObligationResult.objects.filter(school=school).filter(
        status__in=ObligationStatus.problems()
    ) | ObligationResult.objects.filter(
        school=school, status=ObligationStatus.PENDING, due_at__lte=now + SOON
    )
    rows = []
    for result in results.order_by("status", "due_at")[:40]:
        create_kind = CREATABLE.get(result.rule)
        rows.append(
            {
                "title": rule_title(result.ruleset, result.rule)
                + (f" ({result.item})" if result.item else ""),
                "period_key": result.period_key,
                "due": local_text(result.due_at),
                "status": result.status,
                "status_label": STATUS_LABELS["vi"][result.status],
                "late_by": duration_text(result.late_by),
                "evidence": result.evidence[:1],
                "create_kind": create_kind if result.status != ObligationStatus.LATE else None,
                "create_period": sitepages_period_key(result.period_key) if create_kind else None,
            }
        )
    return rows


class CompliancePanel(Component):
    name = "compliance_status"
    template_name = "compliance/admin/compliance_panel.html"
    order = 40  # first: what the overseeing body will see

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        school = getattr(request, "tenant", None)
        evaluation = SchoolEvaluation.objects.filter(school_id=getattr(school, "pk", None)).first()
        return {
            "rows": panel_rows(school=school, now=timezone.now()) if evaluation else [],
            "evaluation": evaluation,
            "evaluated_at": local_text(evaluation.evaluated_at) if evaluation else "",
            "category": CATEGORY_LABELS["vi"].get(evaluation.month_category, "")
            if evaluation
            else "",
            "csrf_token": parent_context.get("csrf_token"),
            "request": request,
        }
