"""What the open-data API returns, as plain JSON-ready dicts (paginated by school code)."""

from __future__ import annotations

from collections import defaultdict

from django.core.paginator import Paginator
from django.db.models import F

from compliance.models import ObligationResult, ObligationStatus, SchoolEvaluation
from compliance.presentation import item_title, rule_title
from compliance.score import weighted_score
from reports.models import MonthlyReport
from reports.months import MonthKey
from reports.rollup import ROW_FIELDS, month_verdict_from_rows
from tenants.hosts import site_url
from tenants.models import Authority
from tenants.schoolcalendar.labels import month_label, period_label
from tenants.selectors import schools_of_authority

NOTHING_DUE = ObligationStatus.NOT_APPLICABLE.value
MAX_PAGE_SIZE = 200
DEFAULT_PAGE_SIZE = 50


def page_params(query) -> tuple[int, int]:
    """(page, page_size) from the query string; nonsense falls back to the defaults."""
    try:
        size = min(max(int(query.get("page_size", DEFAULT_PAGE_SIZE)), 1), MAX_PAGE_SIZE)
    except ValueError:
        size = DEFAULT_PAGE_SIZE
    try:
        page = max(int(query.get("page", 1)), 1)
    except ValueError:
        page = 1
    return page, size


def _paged(queryset, page: int, size: int):
    paginator = Paginator(queryset, size)
    number = min(page, paginator.num_pages)
    return paginator, paginator.page(number)


def _iso(moment):
    return moment.isoformat() if moment else None


def schools_page(*, authority: Authority, page: int, size: int) -> dict:
    schools = (
        schools_of_authority(authority)
        .order_by("code")
        .annotate(authority_code=F("authority__code"))
    )
    paginator, current = _paged(schools, page, size)
    chunk = list(current.object_list)
    evaluations = {e.school_id: e for e in SchoolEvaluation.objects.filter(school__in=chunk)}
    return {
        "count": paginator.count,
        "page": current.number,
        "pages": paginator.num_pages,
        "page_size": size,
        "results": [
            {
                "code": s.code,
                "name": s.name,
                "levels": list(s.levels),
                "authority": {"code": s.authority.code, "name": s.authority.name},
                "website": site_url(s.host) if s.host else None,
                "status": s.status,
                "month_category": getattr(evaluations.get(s.pk), "month_category", None) or None,
                "last_published_at": _iso(
                    getattr(evaluations.get(s.pk), "last_published_at", None)
                ),
                "evaluated_at": _iso(getattr(evaluations.get(s.pk), "as_of", None)),
            }
            for s in chunk
        ],
    }


def results_page(*, authority: Authority, month: MonthKey, page: int, size: int) -> dict:
    """One month's results per school. Until the authority publishes that month's report,
    every row says `"provisional": true` (the ranking is not official yet); a school with
    nothing due that month reads `"category": "not_applicable"`, never `compliant`."""
    provisional = not MonthlyReport.objects.filter(
        authority=authority, month=month.key, status=MonthlyReport.Status.PUBLISHED
    ).exists()
    schools = schools_of_authority(authority).order_by("code")
    paginator, current = _paged(schools, page, size)
    chunk = list(current.object_list)
    rows = defaultdict(list)
    for row in (
        ObligationResult.objects.filter(school__in=chunk, month=month.key)
        .exclude(status=ObligationStatus.NOT_APPLICABLE)
        .order_by("due_at", "rule", "item")
        .values(*ROW_FIELDS, "flags")
    ):
        rows[row["school_id"]].append(row)
    evaluated = set(
        SchoolEvaluation.objects.filter(school__in=chunk).values_list("school_id", flat=True)
    )
    return {
        "count": paginator.count,
        "page": current.number,
        "pages": paginator.num_pages,
        "page_size": size,
        "month": month.key,
        "month_label": month_label(month.year, month.month),
        "provisional": provisional,
        "results": [
            _school_month(s, rows.get(s.pk, []), month, s.pk in evaluated, provisional)
            for s in chunk
        ],
    }


def _school_month(school, rows, month: MonthKey, evaluated: bool, provisional: bool) -> dict:
    counts = {
        s: sum(1 for r in rows if r["status"] == s)
        for s in (*ObligationStatus.decided(), ObligationStatus.PENDING)
    }
    if not evaluated:
        category = None
    elif not any(r["status"] in ObligationStatus.decided() for r in rows):
        category = NOTHING_DUE  # nothing fell due: no verdict, never "compliant"
    else:
        category = str(month_verdict_from_rows(rows, month=month.key).category)
    return {
        "school": {"code": school.code, "name": school.name},
        "month": month.key,
        "provisional": provisional,
        "category": category,
        "score": weighted_score(rows),
        "counts": counts,
        "obligations": [
            {
                "ruleset": r["ruleset"],
                "rule": r["rule"],
                "title": rule_title(r["ruleset"], r["rule"]),
                "period_key": r["period_key"],
                "period_label": period_label(r["period_key"])
                or (r["evidence"] or [{}])[0].get("title", ""),
                "item": r["item"] or None,
                "item_title": item_title(r["ruleset"], r["rule"], r["item"]) or None,
                "due_at": _iso(r["due_at"]),
                "status": r["status"],
                "satisfied_at": _iso(r["satisfied_at"]),
                "late_by_seconds": r["late_by"].total_seconds() if r["late_by"] else None,
                "evidence": [ref.get("url") for ref in r["evidence"] or []],
                "evidence_pages": [
                    {"title": ref.get("title", ""), "url": ref.get("url")}
                    for ref in r["evidence"] or []
                ],
                # e.g. {"anchor_backdated": {"anchor": "received_at", "claimed": iso,
                # "created_at": iso, "limit_hours": 48}}
                "flags": r["flags"] or {},
            }
            for r in rows
        ],
    }


def reports_list(*, authority: Authority) -> list[dict]:
    return [
        {"month": r.month, "published_at": _iso(r.published_at)}
        for r in MonthlyReport.objects.filter(
            authority=authority, status=MonthlyReport.Status.PUBLISHED
        ).order_by("-month")
    ]
