"""Reads of monthly reports: which one a portal host shows, to whom."""

from reports.models import MonthlyReport
from tenants.models import Authority


def report_for_host(*, authority: Authority, month: str, member: bool) -> MonthlyReport | None:
    """The authority's report of a month: published ones for everyone, drafts only for its
    members (drafts are not public)."""
    reports = MonthlyReport.objects.select_related("authority").filter(
        authority=authority, month=month
    )
    if not member:
        reports = reports.filter(status=MonthlyReport.Status.PUBLISHED)
    return reports.first()


def published_reports(*, authority: Authority):
    return MonthlyReport.objects.filter(
        authority=authority, status=MonthlyReport.Status.PUBLISHED
    ).order_by("-month")


def all_reports(*, authority: Authority):
    return MonthlyReport.objects.filter(authority=authority).order_by("-month")
