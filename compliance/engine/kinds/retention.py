"""retention: disclosed content stays online for N years after it first went live.

One obligation per evidence item (a page moved to another year is two items, so overwriting
last year's disclosure with this year's breaks the old item's retention — the malpractice the
rule targets). Keyed `page:<id>`, or `page:<id>/<period>` when a page has several items.
due_at is the end of the retention (first live + N years, local wall clock; 29 February maps
to 1 March). Unpublishing before then — a gap longer than `max_gap_minutes` — is a violation
(`missing`), filed under the moment it went offline. While the retention runs without a gap the
obligation is pending; once it has run its course it is on_time.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import datetime, timedelta

from tenants.schoolcalendar.localtime import LOCAL_TZ, as_utc
from tenants.schoolcalendar.periods import PageKey, period_key_for_fields

from .. import reasons
from ..evidence import merge_intervals
from ..obligations import Obligation, Status
from .base import Kind, Param, RuleContext, register
from .common import non_negative, positive


def add_years(moment: datetime, years: int) -> datetime:
    """Same local wall-clock time N years later; 29 February becomes 1 March (never shorter)."""
    local = as_utc(moment).astimezone(LOCAL_TZ)
    try:
        shifted = local.replace(year=local.year + years)
    except ValueError:
        shifted = local.replace(year=local.year + years, month=3, day=1)
    return as_utc(shifted)


@register
class Retention(Kind):
    name = "retention"
    upcoming = "all"
    params = (
        Param("years", int, default=5, check=positive),
        Param("max_gap_minutes", int, default=0, check=non_negative),
    )

    def obligations(self, ctx: RuleContext) -> Iterable[Obligation]:
        per_page = Counter(item.page_id for item in ctx.items)
        max_gap = timedelta(minutes=ctx.params["max_gap_minutes"])
        years = ctx.params["years"]
        for item in ctx.items:
            known = item.live_until(ctx.as_of)
            if not known:
                continue
            key = PageKey(item.page_id).key
            if per_page[item.page_id] > 1:
                key = f"{key}/{period_key_for_fields(item.period)}"
            first = known[0][0]
            due_at = add_years(first, years)
            removed = _first_violation(merge_intervals(known), due_at, ctx.as_of, max_gap)
            common = {"period_key": key, "due_at": due_at, "evidence": (item.ref,)}
            what = reasons.titled(item.title)
            if removed is not None:
                yield ctx.obligation(
                    **common,
                    status=Status.MISSING,
                    reference_at=removed,
                    reason=reasons.went_offline(what, removed=removed, due_at=due_at, years=years),
                )
            elif ctx.as_of >= due_at:
                yield ctx.obligation(
                    **common,
                    status=Status.ON_TIME,
                    satisfied_at=due_at,
                    reference_at=due_at,
                    reason=reasons.kept(what, years=years, first=first),
                )
            else:
                yield ctx.obligation(
                    **common,
                    status=Status.PENDING,
                    reference_at=due_at,
                    reason=reasons.keep_until(what, due_at=due_at),
                )


def _first_violation(
    stretches: list[tuple[datetime, datetime | None]],
    due_at: datetime,
    as_of: datetime,
    max_gap: timedelta,
) -> datetime | None:
    """When the content first went offline for longer than allowed, before due_at."""
    for index, (_, end) in enumerate(stretches):
        if end is None or end >= due_at:
            return None
        back = stretches[index + 1][0] if index + 1 < len(stretches) else as_of
        if min(back, due_at) - end > max_gap:
            return end
    return None
