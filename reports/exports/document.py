"""The one structure every export is drawn from: the report's header, its three categories
with each school's missing and late items, the counts and the generation history."""

from __future__ import annotations

from compliance.presentation import CATEGORY_VI, LISTED_CATEGORIES
from reports.models import MonthlyReport
from reports.months import month_label
from reports.official import document_lines
from reports.text import item_text

SUMMARY_KEYS = (*LISTED_CATEGORIES, "compliant", "not_evaluated")


def report_title(report: MonthlyReport) -> str:
    return (
        "Danh sách các trường chưa cập nhật, cập nhật thiếu, cập nhật không thường xuyên "
        f"thông tin trên website — {month_label(report.month)}"
    )


def report_subject(report: MonthlyReport) -> str:
    """The document's "trích yếu" under its kind (THÔNG BÁO)."""
    return (
        "Danh sách các trường chưa cập nhật, cập nhật thiếu, cập nhật không thường xuyên "
        f"thông tin trên website {month_label(report.month)}"
    )


def report_document(report: MonthlyReport) -> dict:
    entries = list(report.entries.order_by("school_name", "school_code"))
    counts = {key: 0 for key in SUMMARY_KEYS}
    for entry in entries:
        counts[entry.category] = counts.get(entry.category, 0) + 1
    return {
        "authority": {"code": report.authority.code, "name": report.authority.name},
        "month": report.month,
        "title": report_title(report),
        "status": report.status,
        "generated_at": _iso(report.generated_at),
        "evaluated_as_of": _iso(report.evaluated_as_of),
        "published_at": _iso(report.published_at),
        "cover_note": report.cover_note,
        "signed_by": report.signed_by,
        # the administrative document's parts (reports/official.py)
        "official": document_lines(report),
        "subject": report_subject(report),
        "summary": {"schools": len(entries), **counts},
        "categories": [
            {
                "category": key,
                "label": CATEGORY_VI[key],
                "schools": [_school(e) for e in entries if e.category == key],
            }
            for key in LISTED_CATEGORIES
        ],
        "generations": [
            {"number": g.number, "generated_at": _iso(g.generated_at), "reason": g.reason}
            for g in report.generations.all()
        ],
    }


def _school(entry) -> dict:
    return {
        "code": entry.school_code,
        "name": entry.school_name,
        "authority": entry.authority_name,
        "levels": entry.levels,
        "website": entry.website,
        "score": entry.score,
        "on_time": entry.on_time,
        "late": entry.late,
        "missing": entry.missing,
        "missing_items": [{**i, "text": item_text(i)} for i in entry.missing_items],
        "late_items": [{**i, "text": item_text(i)} for i in entry.late_items],
    }


def _iso(moment) -> str | None:
    return moment.isoformat() if moment else None


def listed_schools(document: dict):
    """(category, its label, school) for every listed school, worst category first."""
    for category in document["categories"]:
        for school in category["schools"]:
            yield category["category"], category["label"], school
