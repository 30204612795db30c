"""always_present: a section that must simply be there (organisation, contacts, news…).

There is no deadline, only checkpoints: the obligation is checked at the end of every month in
the window that has ended by as_of (key: the month's last day, e.g. `2026-10-31`; the page must
be live just before the month ends) and at as_of itself (key: as_of's local day, e.g.
`2026-11-24`). Month-end checkpoints let the monthly roll-up see a section that vanished.
Status is on_time (live at the checkpoint, satisfied_at = start of that live stretch) or
missing; never late. Only pages with the rule's substance count (an empty provisioned section
is structure, not evidence); the reason then names the empty page in Vietnamese. A new school
gets `grace_days` from its site's creation (`EvidenceSnapshot.opened_at`): until then an unmet
checkpoint is pending, afterwards missing.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from tenants.schoolcalendar.localtime import local_date, local_midnight
from tenants.schoolcalendar.periods import DayKey, MonthKey

from .. import reasons
from ..assess import known_stretches
from ..evidence import EvidenceItem
from ..obligations import Obligation, Status
from .base import Kind, Param, RuleContext, register
from .common import non_negative, positive


@register
class AlwaysPresent(Kind):
    name = "always_present"
    params = (
        Param("count", int, default=1, check=positive, doc="live pages needed"),
        Param("grace_days", int, default=30, check=non_negative, doc="days a new school has"),
    )

    def obligations(self, ctx: RuleContext) -> Iterable[Obligation]:
        pages: dict[int, list[EvidenceItem]] = {}
        for item in ctx.items:
            pages.setdefault(item.page_id, []).append(item)
        stretches = {pid: known_stretches(items, as_of=ctx.as_of) for pid, items in pages.items()}
        refs = {pid: items[-1].ref for pid, items in pages.items()}
        opened = ctx.snapshot.opened_at
        grace_ends = None if opened is None else opened + timedelta(days=ctx.params["grace_days"])
        for checkpoint, inclusive in self._checkpoints(ctx):
            live_since = []
            for pid, page_stretches in stretches.items():
                for start, end in page_stretches:
                    if inclusive:
                        covers = start <= checkpoint and (end is None or end > checkpoint)
                    else:
                        covers = start < checkpoint and (end is None or end >= checkpoint)
                    if covers:
                        live_since.append((start, pid))
                        break
            live_since.sort()
            day = local_date(checkpoint) - (timedelta(0) if inclusive else timedelta(days=1))
            what = reasons.titled(ctx.rule.title_vi)
            needed = ctx.params["count"]
            if len(live_since) >= needed:
                yield ctx.obligation(
                    period_key=DayKey(day).key,
                    due_at=checkpoint,
                    due_inclusive=inclusive,
                    status=Status.ON_TIME,
                    satisfied_at=live_since[needed - 1][0],
                    evidence=tuple(refs[pid] for _, pid in live_since),
                    reason=reasons.live_at(what, checkpoint=checkpoint, inclusive=inclusive),
                )
            else:
                reason = reasons.none_live(
                    what,
                    checkpoint=checkpoint,
                    inclusive=inclusive,
                    have=len(live_since),
                    needed=needed,
                )
                hollow = [i for i in ctx.hollow_items if _live_at(i, checkpoint, ctx.as_of)]
                reason = ctx.hollow_reason(hollow) or reason
                in_grace = grace_ends is not None and checkpoint < grace_ends
                if in_grace:
                    reason = f"{reason}; trường mới, hạn đến {local_date(grace_ends):%d/%m/%Y}"
                yield ctx.obligation(
                    period_key=DayKey(day).key,
                    due_at=checkpoint,
                    due_inclusive=inclusive,
                    status=Status.PENDING if in_grace else Status.MISSING,
                    evidence=tuple(refs[pid] for _, pid in live_since),
                    reason=reason,
                )

    @staticmethod
    def _checkpoints(ctx: RuleContext) -> list[tuple[datetime, bool]]:
        last = min(ctx.as_of, ctx.span_end)
        first_day = local_date(ctx.span_start)
        month = MonthKey(first_day.year, first_day.month).shifted(1)
        points = []
        while (boundary := local_midnight(month.first_day)) <= last:
            if boundary > ctx.span_start:
                points.append((boundary, False))
            month = month.shifted(1)
        if ctx.span_start <= ctx.as_of <= ctx.span_end:
            points.append((ctx.as_of, True))
        return points


def _live_at(item: EvidenceItem, moment: datetime, as_of: datetime) -> bool:
    return any(
        start <= moment and (end is None or end > moment) for start, end in item.live_until(as_of)
    )
