"""frequency: at least N pages a teaching week (news: at least 2 a Monday–Sunday week).

A page counts for the week in which it first went live (as known at as_of), whatever happens
to it later; a page edited into several evidence items counts once, from its earliest start.
Due at the end of the week (next Monday 00:00 local, a BEFORE deadline). Below the count once
the week is over is `missing`, which the monthly roll-up files as "irregular" (below the
required frequency), not as "incomplete". Break weeks are not_applicable.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from datetime import datetime, timedelta

from tenants.schoolcalendar.calendar import describe_break
from tenants.schoolcalendar.localtime import local_date, local_midnight
from tenants.schoolcalendar.periods import WeekKey, school_year_of

from .. import reasons
from ..evidence import EvidenceRef
from ..obligations import Obligation, Status
from .base import Kind, Param, RuleContext, register
from .common import positive


@register
class Frequency(Kind):
    name = "frequency"
    params = (
        Param("count", int, required=True, check=positive, doc="pages needed per week"),
        Param("period", str, default="teaching_week", choices=("teaching_week",)),
    )

    def obligations(self, ctx: RuleContext) -> Iterable[Obligation]:
        firsts: dict[int, tuple[datetime, EvidenceRef]] = {}
        for item in ctx.items:
            first = item.first_live(ctx.as_of)
            if first is not None and (
                item.page_id not in firsts or first < firsts[item.page_id][0]
            ):
                firsts[item.page_id] = (first, item.ref)
        published = sorted(firsts.values(), key=lambda pair: (pair[0], pair[1].page_id))
        times = [moment for moment, _ in published]
        # Pages published without the substance the rule needs do not count; the reason names
        # the first such page of the week, so an editor who published two short items knows why
        # the count reads 0/2 (issue 9: the reason says what is missing).
        hollow = sorted(
            ((first, item) for item in ctx.hollow_items if (first := item.first_live(ctx.as_of))),
            key=lambda pair: (pair[0], pair[1].page_id),
        )
        needed = ctx.params["count"]
        what = reasons.titled(ctx.rule.title_vi)
        first_year = school_year_of(local_date(ctx.span_start)) - 1
        last_year = school_year_of(local_date(ctx.span_end)) + 1
        for year in range(first_year, last_year + 1):
            school_year = ctx.calendar.year(year)
            for monday in school_year.mondays():
                start = local_midnight(monday)
                due_at = local_midnight(monday + timedelta(days=7))
                if not ctx.span_start - timedelta(days=8) <= due_at <= ctx.span_end + timedelta(8):
                    continue
                key = WeekKey.of(monday).key
                brk = school_year.break_week(monday)
                if brk is not None:
                    yield ctx.obligation(
                        period_key=key,
                        due_at=due_at,
                        status=Status.NOT_APPLICABLE,
                        reason=f"Tuần {describe_break(brk.label)}: không tính các việc hằng tuần",
                    )
                    continue
                if not school_year.semester_of_week(monday):
                    continue
                in_week = published[bisect_left(times, start) : bisect_left(times, due_at)]
                count = reasons.weekly_count(
                    what, count=len(in_week), needed=needed, period_key=key
                )
                if len(in_week) >= needed:
                    status, satisfied_at = Status.ON_TIME, in_week[needed - 1][0]
                    reason = reasons.weekly_met(count, needed=needed, at=satisfied_at)
                else:
                    if ctx.as_of >= due_at:
                        status, satisfied_at, reason = Status.MISSING, None, count
                    else:
                        status, satisfied_at = Status.PENDING, None
                        reason = reasons.weekly_so_far(count)
                    thin = ctx.hollow_reason(
                        item for first, item in hollow if start <= first < due_at
                    )
                    if thin:
                        reason = f"{reason}; {thin}"
                yield ctx.obligation(
                    period_key=key,
                    due_at=due_at,
                    status=status,
                    satisfied_at=satisfied_at,
                    evidence=tuple(ref for _, ref in in_week),
                    reason=reason,
                )
