"""Generate, regenerate and publish an authority's monthly report.

Exactly once per (authority, month): the report row is created or locked (`select_for_update`)
inside one transaction together with its entries, and the database refuses a second row. A
second run therefore finds the report and changes nothing; a run killed half-way committed
nothing and simply runs again; two concurrent runs serialise on the row. Only `regenerate=True`
with a reason rewrites the entries, and every (re)generation leaves a history row.

The entries are frozen copies of the stored results (school names, items, categories), read
from the public schema only.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max, Min
from django.utils import timezone
from django.utils.translation import gettext as _

from compliance.models import ObligationResult, ObligationStatus, SchoolEvaluation
from compliance.presentation import evidence_links, item_title, period_text, rule_title
from compliance.score import weighted_score
from reports.models import MonthlyReport, MonthlyReportEntry, MonthlyReportGeneration
from reports.months import month_has_ended, month_parse, month_start
from reports.rollup import ROW_FIELDS, month_verdict_from_rows
from tenants.hosts import site_url
from tenants.models import Authority
from tenants.schoolcalendar.periods import MonthKey
from tenants.selectors import schools_of_authority

NOT_EVALUATED = "not_evaluated"


class ReportError(ValueError):
    """Bad input for a report (month not over, no reason for a regeneration, …); `str()` is
    one Vietnamese sentence (gettext; reports/locale/en has the English), shown as it is."""


@dataclass(frozen=True)
class GenerationResult:
    report: MonthlyReport
    created: bool
    regenerated: bool

    @property
    def changed(self) -> bool:
        return self.created or self.regenerated


def monthly_report_generate(
    *,
    authority: Authority,
    month: str | MonthKey,
    regenerate: bool = False,
    reason: str | None = None,
    requested_by: str = "",
    now: dt.datetime | None = None,
) -> GenerationResult:
    month = month if isinstance(month, MonthKey) else month_parse(month)
    now = now or timezone.now()
    if not month_has_ended(month, now=now):
        raise ReportError(
            _(
                "Tháng %(month)s chưa kết thúc: báo cáo tổng hợp cả tháng, nên chỉ tạo được từ "
                "ngày %(first)s."
            )
            % {
                "month": f"{month.month:02d}/{month.year}",
                "first": month_start(month.shifted(1)).strftime("%d/%m/%Y"),
            }
        )
    reason = (reason or "").strip()
    if regenerate and not reason:
        raise ReportError(_("Cần ghi lý do tạo lại báo cáo (lý do được lưu lại)."))
    with transaction.atomic():
        report, created = MonthlyReport.objects.select_for_update().get_or_create(
            authority=authority, month=month.key, defaults={"generated_at": now}
        )
        if not created and not regenerate:
            return GenerationResult(report=report, created=False, regenerated=False)
        counts = _entries_replace(report=report, authority=authority, month=month)
        report.generated_at = now
        report.save(update_fields=["generated_at", "evaluated_as_of"])
        number = (report.generations.aggregate(n=Max("number"))["n"] or 0) + 1
        MonthlyReportGeneration.objects.create(
            report=report,
            number=number,
            generated_at=now,
            reason=reason if not created else "",
            requested_by=requested_by[:150],
            counts=counts,
        )
    return GenerationResult(report=report, created=created, regenerated=not created)


def _entries_replace(*, report: MonthlyReport, authority: Authority, month: MonthKey) -> dict:
    """Freeze every school's month into entries; returns the count per category."""
    schools = list(schools_of_authority(authority))
    ids = [s.pk for s in schools]
    rows_by_school = defaultdict(list)
    for row in (
        ObligationResult.objects.filter(school_id__in=ids, month=month.key)
        .exclude(status=ObligationStatus.NOT_APPLICABLE)
        .values(*ROW_FIELDS)
        .iterator(chunk_size=5000)
    ):
        rows_by_school[row["school_id"]].append(row)
    evaluated = set(
        SchoolEvaluation.objects.filter(school_id__in=ids).values_list("school_id", flat=True)
    )
    report.evaluated_as_of = SchoolEvaluation.objects.filter(school_id__in=ids).aggregate(
        m=Min("as_of")
    )["m"]
    report.entries.all().delete()
    entries = [
        _entry(report, school, rows_by_school.get(school.pk, []), month, school.pk in evaluated)
        for school in schools
    ]
    MonthlyReportEntry.objects.bulk_create(entries, batch_size=500)
    return dict(Counter(e.category for e in entries))


def _entry(report, school, rows, month: MonthKey, evaluated: bool) -> MonthlyReportEntry:
    category = (
        str(month_verdict_from_rows(rows, month=month.key).category) if evaluated else NOT_EVALUATED
    )
    return MonthlyReportEntry(
        report=report,
        school=school,
        school_code=school.code,
        school_name=school.name,
        authority_name=school.authority.name if school.authority else "",
        levels=list(school.levels),
        website=site_url(school.host) if getattr(school, "host", None) else "",
        category=category,
        on_time=sum(1 for r in rows if r["status"] == ObligationStatus.ON_TIME),
        late=sum(1 for r in rows if r["status"] == ObligationStatus.LATE),
        missing=sum(1 for r in rows if r["status"] == ObligationStatus.MISSING),
        score=weighted_score(rows),
        missing_items=[_item(r) for r in _ordered(rows, ObligationStatus.MISSING)],
        late_items=[_item(r) for r in _ordered(rows, ObligationStatus.LATE)],
    )


def _ordered(rows, status: str):
    return sorted(
        (r for r in rows if r["status"] == status),
        key=lambda r: (
            r["due_at"] is None,
            r["due_at"] or dt.datetime.max.replace(tzinfo=dt.UTC),
            r["rule"],
        ),
    )


def _item(row) -> dict:
    item = {
        "ruleset": row["ruleset"],
        "rule": row["rule"],
        "kind": row["kind"],
        "title": rule_title(row["ruleset"], row["rule"]),
        "item": row["item"],
        "item_title": item_title(row["ruleset"], row["rule"], row["item"]),
        "period_key": row["period_key"],
        "period_label": period_text(row["period_key"], evidence=row["evidence"]),
        "evidence": evidence_links(row["evidence"]),
        "due_at": row["due_at"].isoformat() if row["due_at"] else None,
    }
    if row["status"] == ObligationStatus.LATE:
        item["satisfied_at"] = row["satisfied_at"].isoformat() if row["satisfied_at"] else None
        item["late_by_seconds"] = row["late_by"].total_seconds() if row["late_by"] else 0
    return item


def monthly_report_publish(
    *,
    report: MonthlyReport,
    published_by: str,
    cover_note: str = "",
    signed_by: str = "",
    now: dt.datetime | None = None,
) -> MonthlyReport:
    """Make a draft public, with an optional cover note that must then be signed."""
    cover_note, signed_by = cover_note.strip(), signed_by.strip()
    if cover_note and not signed_by:
        raise ReportError(_("Nội dung dẫn phải có người ký: hãy ghi chức vụ và họ tên người ký."))
    with transaction.atomic():
        report = MonthlyReport.objects.select_for_update().get(pk=report.pk)
        if report.is_published:
            raise ReportError(
                _("Báo cáo tháng %(month)s đã được công bố.")
                % {"month": f"{report.month[5:]}/{report.month[:4]}"}
            )
        report.status = MonthlyReport.Status.PUBLISHED
        report.published_at = now or timezone.now()
        report.published_by = published_by[:150]
        report.cover_note = cover_note
        report.signed_by = signed_by
        report.save()
    return report
