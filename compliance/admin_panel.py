"""The one panel of a school's Wagtail admin that answers "what must I publish, and what is
late", read from the stored results (never computed while the page renders).

Rows come newest and actionable first: this week's obligations, next week's, then older late or
missing ones (collapsed). Every row names its period as people read it ("Tuần 13 (30/11 –
06/12/2026)", by the school's calendar) and has a button: create or open the page for that
period, open the page an obligation is about, or, for a frequency rule, its progress
("1/2 tin tuần này") and a button to post one ("Đăng tin").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.admin.ui.components import Component
from wagtail.models import get_page_models

from compliance.models import ObligationResult, ObligationStatus, SchoolEvaluation
from compliance.presentation import (
    CATEGORY_LABELS,
    STATUS_LABELS,
    due_text,
    duration_text,
    item_title,
    local_text,
    rule_title,
)
from compliance.selectors import bundled_rulesets, parameter_overrides, school_calendar
from sitepages.models import DisclosureIndexPage, DisclosurePage
from sitepages.period_kinds import KINDS as PERIOD_KINDS
from tenants.schoolcalendar.labels import period_label, week_label
from tenants.schoolcalendar.localtime import LOCAL_TZ
from tenants.schoolcalendar.periods import WeekKey, parse_period_key

WEEK = dt.timedelta(days=7)
OLDER_SHOWN = 30
# What a frequency rule counts, in the words of its progress line and button.
# A frequency rule's page type → (what is counted, the button adding one); msgids translated
# where used.
FREQUENCY_WORDS = {"NewsPage": ("tin", "Đăng tin")}


def panel_language() -> str:
    """ "en" for an editor who chose English in the admin, else "vi" (presentation's keys)."""
    return "en" if (translation.get_language() or "vi").startswith("en") else "vi"


@dataclass
class PanelRow:
    """One obligation as the panel shows it (strings ready for the template)."""

    title: str
    period_label: str
    period_key: str
    due: str
    status: str
    status_label: str
    late_by: str = ""
    reason: str = ""
    page_title: str = ""
    page_url: str = ""  # the admin's edit view of the page the row is about
    create_kind: str = ""  # sitepages' period kind whose draft the button creates or opens
    create_period: str = ""
    add_url: str = ""  # a new page of the rule's type, in its section
    add_label: str = ""
    progress: str = ""  # "1/2 tin tuần này"


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


def _page_models() -> dict[str, type]:
    return {model.__name__: model for model in get_page_models()}


def _edit_url(page_id: int) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page_id])


class _PageLookups:
    """The school's pages the panel's buttons point at, each looked up once per panel (many
    rows share a section: one query per page type, not one per row)."""

    def __init__(self):
        self._first: dict[type, object] = {}

    def first(self, model):
        """The school's first page of `model` (in tree order), or None."""
        if model not in self._first:
            self._first[model] = model.objects.order_by("path").first()
        return self._first[model]

    def add_url(self, model) -> str:
        """The admin's "add a page of this type" in its section (its first allowed parent)."""
        for parent_model in model.allowed_parent_page_models():
            parent = self.first(parent_model)
            if parent is not None:
                try:
                    return reverse(
                        "wagtailadmin_pages:add",
                        args=[model._meta.app_label, model._meta.model_name, parent.pk],
                    )
                except NoReverseMatch:
                    return ""
        return ""


def _actions(row: PanelRow, result, *, rule, needed: int | None, models, pages) -> None:
    """Fill the row's button: create/open for a period, open the page, or post one more."""
    page_types = sorted(rule.page_types) if rule else []
    model = models.get(page_types[0]) if page_types else None
    evidence = result.evidence or []
    kind = PERIOD_KINDS.get(result.rule) or next(
        (k for k in PERIOD_KINDS.values() if model is not None and k.model is model), None
    )
    period = sitepages_period_key(result.period_key)
    if kind is not None and period is not None:
        row.create_kind, row.create_period = kind.code, period
        return
    if result.item and model is DisclosurePage:
        _disclosure_action(row, result, pages)
        return
    if result.kind == "frequency" and model is not None:
        noun, button = FREQUENCY_WORDS.get(model.__name__, ("trang", "Thêm trang"))
        this_week = result.period_key == WeekKey.of(timezone.localdate()).key
        when = gettext("tuần này") if this_week else gettext("trong tuần")
        row.progress = f"{len(evidence)}/{needed or '?'} {gettext(noun)} {when}"
        row.add_url, row.add_label = pages.add_url(model), gettext(button)
        return
    if evidence:
        row.page_title, row.page_url = evidence[0]["title"], _edit_url(evidence[0]["page_id"])
        return
    if model is not None:
        existing = pages.first(model) if model.max_count == 1 else None
        if existing is not None:
            row.page_title, row.page_url = existing.title, _edit_url(existing.pk)
        else:
            row.add_url = pages.add_url(model)
            row.add_label = gettext("Thêm %(kind)s") % {
                "kind": str(model._meta.verbose_name).lower()
            }


def _disclosure_action(row: PanelRow, result, pages: _PageLookups) -> None:
    """A disclosure item: open its page, or build the year's disclosure tree first."""
    try:
        year = parse_period_key(result.period_key).school_year_start
    except (ValueError, AttributeError):
        return
    page = DisclosurePage.objects.filter(school_year_start=year, item=result.item).first()
    if page is not None:
        row.page_title, row.page_url = page.title, _edit_url(page.pk)
        return
    index = pages.first(DisclosureIndexPage)
    if index is not None:
        row.add_url = reverse("sitepages_disclosure_year_create", args=[index.pk])
        row.add_label = gettext("Tạo các mục công khai của năm học")


def _row(result, *, calendar, rulesets, overrides, models, pages) -> PanelRow:
    ruleset = rulesets.get(result.ruleset)
    try:
        rule = ruleset.rule(result.rule) if ruleset else None
    except KeyError:
        rule = None
    lang = panel_language()
    title = rule_title(result.ruleset, result.rule, lang=lang)
    if result.item:
        title = f"{title}: {item_title(result.ruleset, result.rule, result.item)}"
    label = period_label(result.period_key, calendar)
    if not label and result.evidence:  # a per-page obligation: the page names it
        label = result.evidence[0]["title"]
    needed = None
    if rule is not None and result.kind == "frequency":
        params = {**rule.params, **overrides.get((result.ruleset, result.rule), {})}
        needed = params.get("count")
    row = PanelRow(
        title=title,
        period_label=label,
        period_key=result.period_key,
        due=due_text(result.kind, result.due_at),
        status=result.status,
        status_label=STATUS_LABELS[lang][result.status],
        late_by=duration_text(result.late_by, lang=lang),
        reason=result.reason,
    )
    _actions(row, result, rule=rule, needed=needed, models=models, pages=pages)
    return row


def panel_sections(*, school, now: dt.datetime) -> dict[str, object]:
    """`{"this_week": [...], "next_week": [...], "older": [...], labels…}` for the panel.

    This week and next week: every obligation due in (or covering) that Monday–Sunday week,
    whatever its status. Older: late or missing ones due before this week, newest first.
    An always-present rule shows only its latest checkpoint.
    """
    today = now.astimezone(LOCAL_TZ).date()
    monday = today - dt.timedelta(days=today.weekday())
    bounds = [dt.datetime.combine(monday + WEEK * i, dt.time(0), tzinfo=LOCAL_TZ) for i in range(3)]
    this_key, next_key = WeekKey.of(monday).key, WeekKey.of(monday + WEEK).key
    results = ObligationResult.objects.filter(school=school).exclude(
        status=ObligationStatus.NOT_APPLICABLE
    )
    latest_checkpoint: dict[tuple[str, str], object] = {}
    chosen = []
    for result in results.order_by("-due_at", "ruleset", "rule", "item"):
        if result.kind == "always_present":
            key = (result.ruleset, result.rule)
            if key in latest_checkpoint:
                continue
            latest_checkpoint[key] = result
        chosen.append(result)
    calendar = school_calendar(school.authority)
    context = {
        "rulesets": bundled_rulesets(),
        "overrides": parameter_overrides(school.authority),
        "models": _page_models(),
        "calendar": calendar,
        "pages": _PageLookups(),
    }
    sections: dict[str, list[PanelRow]] = {"this_week": [], "next_week": [], "older": []}
    for result in chosen:
        # A deadline at Monday 00:00 closes the week before (last week's "2 tin" is due then):
        # it belongs to that week, where posting now can no longer help.
        due = result.due_at
        if result.period_key == this_key or (due and bounds[0] < due <= bounds[1]):
            sections["this_week"].append(result)
        elif result.period_key == next_key or (due and bounds[1] < due <= bounds[2]):
            sections["next_week"].append(result)
        elif due and due <= bounds[0] and result.status in ObligationStatus.problems():
            sections["older"].append(result)
    order = {
        ObligationStatus.MISSING: 0,
        ObligationStatus.LATE: 1,
        ObligationStatus.PENDING: 2,
        ObligationStatus.ON_TIME: 3,
    }
    rows = {}
    for name, found in sections.items():
        if name != "older":
            found.sort(key=lambda r: (order.get(r.status, 9), r.due_at or now))
        rows[name] = [_row(r, **context) for r in found[: OLDER_SHOWN if name == "older" else 60]]
    return {
        **rows,
        "older_count": len(sections["older"]),
        "this_week_label": week_label(monday, calendar),
        "next_week_label": week_label(monday + WEEK, calendar),
    }


class CompliancePanel(Component):
    name = "compliance_status"
    template_name = "compliance/admin/compliance_panel.html"
    order = 40  # first: what the overseeing body will see

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        school = getattr(request, "tenant", None)
        evaluation = SchoolEvaluation.objects.filter(school_id=getattr(school, "pk", None)).first()
        context = {
            "evaluation": evaluation,
            "csrf_token": parent_context.get("csrf_token"),
            "request": request,
        }
        if evaluation is not None:
            context.update(panel_sections(school=school, now=timezone.now()))
            context["evaluated_at"] = local_text(evaluation.evaluated_at)
            labels = CATEGORY_LABELS[panel_language()]
            context["category"] = labels.get(evaluation.month_category, "")
        return context
