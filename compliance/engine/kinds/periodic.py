"""periodic: one page per period (school year, semester, month or teaching week) by a deadline.

The deadline is data relative to the period (see `deadlines`). Weekly rules exist only in
teaching weeks: a listed break week yields a not_applicable obligation (so the panel can say
why), and weeks outside both semesters yield nothing. Monthly rules cover the months the
teaching span touches unless `teaching_months_only = false` (then July–June).

With `items` (school-year rules only) the rule asks one page per item per year — the
public-disclosure items of Circular 09/2024 — keyed `2026-2027/<code>`; each item can bind only
some levels (and be conditional, like the menu for schools that serve meals).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from tenants.schoolcalendar.calendar import SchoolYear, describe_break
from tenants.schoolcalendar.localtime import local_date
from tenants.schoolcalendar.periods import (
    ITEM_CODE,
    MonthKey,
    SchoolYearItemKey,
    SchoolYearKey,
    SemesterKey,
    WeekKey,
    as_date,
    school_year_of,
)

from .. import reasons
from ..applicability import applicable_levels
from ..assess import assess, describe, known_stretches
from ..deadlines import DeadlineSpec
from ..evidence import LEVELS, SCHOOL_ATTRIBUTES, EvidenceItem
from ..obligations import Boundary, Obligation, Status
from .base import Kind, Param, RuleContext, register
from .common import BOUNDARY, GRACE, deadline_problem

UNITS = ("school_year", "semester", "month", "teaching_week")
ITEM_FIELDS = frozenset({"code", "title_vi", "title_en", "levels", "level_conditions"})


def _items_problem(value: Any) -> str | None:
    seen: set[str] = set()
    for index, item in enumerate(value):
        where = f"item {index + 1}"
        if not isinstance(item, Mapping):
            return f"{where} must be a table"
        if unknown := sorted(set(item) - ITEM_FIELDS):
            return f"{where}: unknown field(s) {unknown}"
        code = item.get("code")
        if not isinstance(code, str) or not ITEM_CODE.match(code) or code in ("s1", "s2"):
            return f"{where}: code must be lowercase letters, digits and '-', got {code!r}"
        if code in seen:
            return f"duplicate item code {code!r}"
        seen.add(code)
        for title in ("title_vi", "title_en"):
            if not isinstance(item.get(title), str) or not item[title].strip():
                return f"item {code!r}: missing {title}"
        levels = item.get("levels", [])
        if not isinstance(levels, list) or not set(levels) <= LEVELS:
            return f"item {code!r}: levels must be a list from {sorted(LEVELS)}, got {levels!r}"
        conditions = item.get("level_conditions", {})
        if (
            not isinstance(conditions, Mapping)
            or not set(conditions) <= LEVELS
            or not set(conditions.values()) <= SCHOOL_ATTRIBUTES
        ):
            return f"item {code!r}: bad level_conditions {conditions!r}"
    return None


@dataclass(frozen=True)
class _Period:
    key: str
    match: tuple[Any, ...]
    school_year: SchoolYear
    base: date
    semester: int | None = None
    break_label: str | None = None


@register
class Periodic(Kind):
    name = "periodic"
    params = (
        Param("period", str, required=True, choices=UNITS),
        Param("deadline", dict, default={}, check=deadline_problem),
        Param("deadline_s1", dict, check=deadline_problem, doc="semester 1 override"),
        Param("deadline_s2", dict, check=deadline_problem, doc="semester 2 override"),
        BOUNDARY,
        GRACE,
        Param("items", list, check=_items_problem, doc="per-item pages (school_year only)"),
        Param("teaching_months_only", bool, default=True),
    )

    def check(self, params: Mapping[str, Any]) -> list[str]:
        unit = params["period"]
        problems = []
        for name in ("deadline", "deadline_s1", "deadline_s2"):
            table = params.get(name)
            if table is not None and "month" in table and unit not in ("school_year", "semester"):
                problems.append(f"a fixed-date {name} needs period school_year or semester")
        overrides_semester = any(params.get(n) is not None for n in ("deadline_s1", "deadline_s2"))
        if unit != "semester" and overrides_semester:
            problems.append("deadline_s1/deadline_s2 only apply to period = 'semester'")
        if params.get("items") and unit != "school_year":
            problems.append("items only apply to period = 'school_year'")
        return problems

    def obligations(self, ctx: RuleContext) -> Iterable[Obligation]:
        params = ctx.params
        unit = params["period"]
        default = params["deadline"]
        specs = {
            None: DeadlineSpec.parse(default),
            1: DeadlineSpec.parse(
                default if params["deadline_s1"] is None else params["deadline_s1"]
            ),
            2: DeadlineSpec.parse(
                default if params["deadline_s2"] is None else params["deadline_s2"]
            ),
        }
        inclusive = params["boundary"] == Boundary.BY
        grace = timedelta(minutes=params["grace_minutes"])
        codes = self._item_codes(ctx)
        index = self._index(ctx.items, unit)
        hollow = self._index(ctx.hollow_items, unit)
        first = school_year_of(local_date(ctx.span_start)) - 1
        last = school_year_of(local_date(ctx.span_end)) + 1
        low, high = ctx.span_start - timedelta(days=2), ctx.span_end + timedelta(days=2)
        for year in range(first, last + 1):
            for period in self._periods(ctx.calendar.year(year), unit, params):
                spec = specs[period.semester]
                due_at = (
                    spec.resolve(base=period.base, school_year_start=year, calendar=ctx.calendar)
                    + grace
                )
                if not low <= due_at <= high:
                    continue
                for code, title in codes:
                    yield self._judge(ctx, period, code, title, due_at, inclusive, index, hollow)

    def _judge(
        self,
        ctx: RuleContext,
        period: _Period,
        code: str | None,
        title: str | None,
        due_at: datetime,
        inclusive: bool,
        index: Mapping[tuple[Any, ...], list[EvidenceItem]],
        hollow: Mapping[tuple[Any, ...], list[EvidenceItem]],
    ) -> Obligation:
        key = (
            SchoolYearItemKey(period.school_year.school_year_start, code).key
            if code
            else period.key
        )
        if period.break_label is not None:
            return ctx.obligation(
                period_key=key,
                due_at=due_at,
                due_inclusive=inclusive,
                status=Status.NOT_APPLICABLE,
                item=code,
                reason=f"Tuần {describe_break(period.break_label)}: không tính các việc hằng tuần",
            )
        matched = index.get((*period.match, code), [])
        stretches = known_stretches(matched, as_of=ctx.as_of)
        assessment = assess(
            stretches=stretches, due_at=due_at, inclusive=inclusive, as_of=ctx.as_of
        )
        what = reasons.titled(title if code else ctx.rule.title_vi)
        live = sorted(
            (first, item.page_id, item.ref)
            for item in matched
            if (first := item.first_live(ctx.as_of)) is not None
        )
        refs = tuple(dict.fromkeys(ref for _, _, ref in live))
        reason = describe(
            assessment, what=reasons.for_period(what, key), due_at=due_at, inclusive=inclusive
        )
        if assessment.status in (Status.MISSING, Status.PENDING):
            reason = ctx.hollow_reason(hollow.get((*period.match, code), ())) or reason
        return ctx.obligation(
            period_key=key,
            due_at=due_at,
            due_inclusive=inclusive,
            status=assessment.status,
            satisfied_at=assessment.satisfied_at,
            late_by=assessment.late_by,
            evidence=refs,
            item=code,
            reason=reason,
        )

    @staticmethod
    def _item_codes(ctx: RuleContext) -> list[tuple[str | None, str | None]]:
        items = ctx.params.get("items")
        if not items:
            return [(None, None)]
        codes = []
        for item in items:
            levels = applicable_levels(
                levels=item.get("levels") or ctx.rule.levels,
                level_conditions=item.get("level_conditions", {}),
                snapshot=ctx.snapshot,
            )
            if levels:
                codes.append((item["code"], item["title_vi"]))  # reasons are Vietnamese
        return codes

    @staticmethod
    def _index(
        items: Iterable[EvidenceItem], unit: str
    ) -> dict[tuple[Any, ...], list[EvidenceItem]]:
        """Evidence items by what they cover, so each period is one dictionary look-up."""
        index: dict[tuple[Any, ...], list[EvidenceItem]] = {}
        for item in items:
            fields = item.period
            year = fields.get("school_year_start")
            code = fields.get("item")
            if unit == "teaching_week":
                day = as_date(fields.get("week_start"))
                match = None if day is None else (WeekKey.of(day),)
            elif unit == "month":
                day = as_date(fields.get("month"))
                match = None if day is None else (MonthKey(day.year, day.month),)
            elif not isinstance(year, int):
                match = None
            elif unit == "semester":
                match = (year, fields.get("semester"))
            else:
                match = (year,)
            if match is not None:
                index.setdefault((*match, code if unit == "school_year" else None), []).append(item)
        return index

    @staticmethod
    def _periods(year: SchoolYear, unit: str, params: Mapping[str, Any]) -> list[_Period]:
        start = year.school_year_start
        if unit == "school_year":
            return [_Period(SchoolYearKey(start).key, (start,), year, year.s1_first)]
        if unit == "semester":
            return [
                _Period(SemesterKey(start, n).key, (start, n), year, year.semester_span(n)[0], n)
                for n in (1, 2)
            ]
        if unit == "month":
            months = (
                year.teaching_months()
                if params["teaching_months_only"]
                else [MonthKey(start, 7).shifted(i) for i in range(12)]
            )
            return [_Period(m.key, (m,), year, m.first_day) for m in months]
        periods = []
        for monday in year.mondays():
            week = WeekKey.of(monday)
            brk = year.break_week(monday)
            if brk is not None:
                periods.append(_Period(week.key, (week,), year, monday, break_label=brk.label))
            elif year.semester_of_week(monday):
                periods.append(_Period(week.key, (week,), year, monday))
        return periods
