"""A school's month in the Phong Điền letter's words, from its obligations.

Precedence, worst first:
- did_not_update — publications were due in the month (periodic, frequency or per-page rules)
  and none was made: no such obligation on time or late, and no page counted for a frequency
  rule;
- incomplete — some required item is missing (a missing periodic, per-page or always-present
  obligation);
- irregular — items late, or a week below the required frequency (a missing frequency
  obligation);
- compliant — none of the above (also a month with nothing due).
An obligation belongs to the month of its `reference_at` (local): "before 1 December" is
November's. Pending and not-applicable obligations do not count yet; retention is a standing
duty reported in the summary, not a monthly update, so it is left out of the categories.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from tenants.schoolcalendar.localtime import to_local
from tenants.schoolcalendar.periods import MonthKey, parse_period_key

from .obligations import Obligation, Status

UPDATE_KINDS = frozenset({"periodic", "frequency", "latency"})
NOT_IN_MONTHLY = frozenset({"retention"})
DECIDED = frozenset({Status.ON_TIME, Status.LATE, Status.MISSING})


class Category(StrEnum):
    DID_NOT_UPDATE = "did_not_update"
    INCOMPLETE = "incomplete"
    IRREGULAR = "irregular"
    COMPLIANT = "compliant"


@dataclass(frozen=True)
class MonthVerdict:
    month: str
    category: Category
    obligations: tuple[Obligation, ...]  # the ones behind the verdict


def obligation_month(obligation: Obligation) -> str | None:
    """The `YYYY-MM` an obligation is filed under, or None when it has no date."""
    if obligation.reference_at is None:
        return None
    local = to_local(obligation.reference_at)
    return MonthKey(local.year, local.month).key


def month_category(*, obligations: Iterable[Obligation], month: str | MonthKey) -> MonthVerdict:
    key = month.key if isinstance(month, MonthKey) else month
    if not isinstance(parse_period_key(key), MonthKey):
        raise ValueError(f"not a month key: {key!r}")
    decided = [
        o
        for o in obligations
        if o.status in DECIDED and o.kind not in NOT_IN_MONTHLY and obligation_month(o) == key
    ]
    updates = [o for o in decided if o.kind in UPDATE_KINDS]
    published = [
        o
        for o in updates
        if o.status in (Status.ON_TIME, Status.LATE) or (o.kind == "frequency" and o.evidence)
    ]
    if updates and not published:
        return MonthVerdict(key, Category.DID_NOT_UPDATE, tuple(updates))
    missing = [o for o in decided if o.status == Status.MISSING and o.kind != "frequency"]
    if missing:
        return MonthVerdict(key, Category.INCOMPLETE, tuple(missing))
    irregular = [
        o
        for o in decided
        if o.status == Status.LATE or (o.status == Status.MISSING and o.kind == "frequency")
    ]
    if irregular:
        return MonthVerdict(key, Category.IRREGULAR, tuple(irregular))
    return MonthVerdict(key, Category.COMPLIANT, tuple(decided))


def summary(*, obligations: Iterable[Obligation]) -> dict[str, int]:
    """Counts per status, every status present (zeros included)."""
    counts = Counter(str(o.status) for o in obligations)
    return {str(status): counts.get(str(status), 0) for status in Status}
