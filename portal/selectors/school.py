"""One school's page on the portal: a month's obligations, its school year month by month, its
weekly trend and its principal's contact; three queries, all on the public schema."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from compliance.models import ObligationResult, ObligationStatus, SchoolEvaluation
from compliance.presentation import (
    CATEGORY_VI,
    STATUS_VI,
    due_text,
    duration_text,
    flag_texts,
    item_title,
    period_text,
    rule_title,
)
from compliance.score import DECIDED, row_weights, weighted_score
from portal.selectors.dashboard import TrendPoint, trend_window
from reports.models import MonthlyReportEntry
from reports.months import MonthKey, month_label, school_year_month_keys
from reports.rollup import ROW_FIELDS, month_verdict_from_rows
from tenants.hosts import site_url
from tenants.models import School
from tenants.schoolcalendar.localtime import local_date
from tenants.schoolcalendar.periods import school_year_of
from tenants.selectors import school_primary_host


@dataclass(frozen=True)
class ObligationLine:
    rule: str
    title: str
    item: str
    period_key: str
    period: str
    due_at: dt.datetime | None
    status: str
    status_label: str
    satisfied_at: dt.datetime | None
    late_by: str
    evidence: list[dict]
    reason: str
    flags: tuple[str, ...] = ()  # compliance.presentation.flag_texts
    due: str = ""  # the "Hạn" column: compliance.presentation.due_text, as the school's panel
    # A month's news can be dozens of pages: the first EVIDENCE_SHOWN are listed, the rest
    # behind a "và N trang khác" disclosure.
    evidence_more: list[dict] = field(default_factory=list)


@dataclass(frozen=True)
class MonthLine:
    month: str
    label: str
    category: str
    category_label: str
    score: float | None
    on_time: int
    late: int
    missing: int
    published_category: str = ""


@dataclass
class SchoolDetail:
    school: School
    website: str | None
    month: MonthKey
    lines: list[ObligationLine]
    history: list[MonthLine]
    trend: list[TrendPoint]
    evaluation: SchoolEvaluation | None
    counts: dict[str, int] = field(default_factory=dict)


def school_detail(*, school: School, month: MonthKey, now: dt.datetime) -> SchoolDetail:
    year = school_year_of(month.first_day)
    current = MonthKey(local_date(now).year, local_date(now).month)
    months = school_year_month_keys(year, until=max(min(current, MonthKey(year + 1, 6)), month))
    trend_from, mondays = trend_window(now)
    first = min(months[0], trend_from.strftime("%Y-%m"))
    rows = list(
        ObligationResult.objects.filter(
            school=school, month__gte=first, month__lte=max(months[-1], current.key)
        )
        .exclude(status=ObligationStatus.NOT_APPLICABLE)
        .values(*ROW_FIELDS, "reason", "flags")
    )
    published = dict(
        MonthlyReportEntry.objects.filter(
            school=school, report__status="published", report__month__in=months
        ).values_list("report__month", "category")
    )
    in_month = sorted(
        (r for r in rows if r["month"] == month.key),
        key=lambda r: (r["due_at"] is None, r["due_at"] or now, r["rule"], r["item"]),
    )
    return SchoolDetail(
        school=school,
        website=_website(school),
        month=month,
        lines=[_line(r) for r in in_month],
        history=[_month_line(rows, key, published.get(key, "")) for key in reversed(months)],
        trend=_trend(rows, mondays, trend_from, now),
        evaluation=SchoolEvaluation.objects.filter(school=school).first(),
        counts={s: sum(1 for r in in_month if r["status"] == s) for s in STATUS_VI},
    )


def _website(school: School) -> str | None:
    host = getattr(school, "host", None) or school_primary_host(school)
    return site_url(host) if host else None


EVIDENCE_SHOWN = 5


def _line(row) -> ObligationLine:
    evidence = list(row["evidence"] or [])
    return ObligationLine(
        rule=row["rule"],
        title=rule_title(row["ruleset"], row["rule"]),
        item=item_title(row["ruleset"], row["rule"], row["item"]),
        period_key=row["period_key"],
        period=period_text(row["period_key"], evidence=row["evidence"]),
        due_at=row["due_at"],
        status=row["status"],
        status_label=STATUS_VI.get(row["status"], row["status"]),
        satisfied_at=row["satisfied_at"],
        late_by=duration_text(row["late_by"]),
        evidence=evidence[:EVIDENCE_SHOWN],
        reason=row["reason"],
        flags=tuple(flag_texts(row["flags"])),
        due=due_text(row["kind"], row["due_at"]),
        evidence_more=evidence[EVIDENCE_SHOWN:],
    )


# A month in which nothing was due (before the school was created, or a new school's first
# days): the letter's list leaves it out, as it does a compliant month, but the school's own
# history must not read "đạt yêu cầu" for months it did nothing in.
NOTHING_DUE = "nothing_due"
NOTHING_DUE_LABEL = "chưa có nghĩa vụ đến hạn"


def _month_line(rows, key: str, published_category: str) -> MonthLine:
    of_month = [r for r in rows if r["month"] == key]
    verdict = month_verdict_from_rows(of_month, month=key)
    category = str(verdict.category) if verdict.obligations else NOTHING_DUE
    return MonthLine(
        month=key,
        label=month_label(key),
        category=category,
        category_label=NOTHING_DUE_LABEL if category == NOTHING_DUE else CATEGORY_VI[category],
        score=weighted_score(of_month),
        on_time=sum(1 for r in of_month if r["status"] == ObligationStatus.ON_TIME),
        late=sum(1 for r in of_month if r["status"] == ObligationStatus.LATE),
        missing=sum(1 for r in of_month if r["status"] == ObligationStatus.MISSING),
        published_category=CATEGORY_VI.get(published_category, ""),
    )


def _trend(rows, mondays, start: dt.datetime, now: dt.datetime) -> list[TrendPoint]:
    met = {m: 0.0 for m in mondays}
    due = {m: 0.0 for m in mondays}
    for row in rows:
        if row["status"] not in DECIDED or row["due_at"] is None:
            continue
        if not start <= row["due_at"] <= now:
            continue
        day = local_date(row["due_at"])
        monday = day - dt.timedelta(days=day.weekday())
        if monday in due:
            row_met, row_due = row_weights(row)
            met[monday] += row_met
            due[monday] += row_due
    return [TrendPoint(m, met[m], due[m]) for m in mondays]
