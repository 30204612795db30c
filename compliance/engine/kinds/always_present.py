"""always_present: a section that must simply be there (organisation, contacts, news…).

There is no deadline, only checkpoints: the obligation is checked at the end of every month in
the window that has ended by as_of (key: the month's last day, e.g. `2026-10-31`; the page must
be live just before the month ends) and at as_of itself (key: as_of's local day, e.g.
`2026-11-24`). Month-end checkpoints let the monthly roll-up see a section that vanished.
Status is on_time (live at the checkpoint, satisfied_at = start of that live stretch) or
missing; never late or pending.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from ..assess import known_stretches
from ..evidence import EvidenceItem
from ..localtime import format_local, local_date, local_midnight
from ..obligations import Obligation, Status
from ..periods import DayKey, MonthKey
from .base import Kind, Param, RuleContext, register
from .common import positive


@register
class AlwaysPresent(Kind):
    name = "always_present"
    params = (Param("count", int, default=1, check=positive, doc="live pages needed"),)

    def obligations(self, ctx: RuleContext) -> Iterable[Obligation]:
        pages: dict[int, list[EvidenceItem]] = {}
        for item in ctx.items:
            pages.setdefault(item.page_id, []).append(item)
        stretches = {pid: known_stretches(items, as_of=ctx.as_of) for pid, items in pages.items()}
        refs = {pid: items[-1].ref for pid, items in pages.items()}
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
            what = " / ".join(sorted(ctx.rule.page_types))
            when = f"{'at' if inclusive else 'before'} {format_local(checkpoint)}"
            needed = ctx.params["count"]
            if len(live_since) >= needed:
                yield ctx.obligation(
                    period_key=DayKey(day).key,
                    due_at=checkpoint,
                    due_inclusive=inclusive,
                    status=Status.ON_TIME,
                    satisfied_at=live_since[needed - 1][0],
                    evidence=tuple(refs[pid] for _, pid in live_since),
                    reason=f"{what} live {when}",
                )
            else:
                have = f" ({len(live_since)} of {needed})" if live_since else ""
                yield ctx.obligation(
                    period_key=DayKey(day).key,
                    due_at=checkpoint,
                    due_inclusive=inclusive,
                    status=Status.MISSING,
                    evidence=tuple(refs[pid] for _, pid in live_since),
                    reason=f"no {what} live {when}{have}",
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
