"""Crafted schools and stored results for the tests of the apps that read them (portal, reports,
reminders, opendata).

Those apps read only the public schema's stored rows, so most tests make School rows without a
schema (no clone needed) and write ObligationResult/SchoolEvaluation rows directly (and the week tallies the evaluation
writes with them): that is the contract with the evaluation pipeline. Portal users and the frozen clock are fixtures in
tests/conftest.py.
"""

import datetime as dt
import itertools
from zoneinfo import ZoneInfo

from compliance.models import ObligationResult, SchoolEvaluation
from compliance.services.tallies import school_tallies_refresh
from tenants.models import Domain, School

VN = ZoneInfo("Asia/Ho_Chi_Minh")
PASSWORD = "mat-khau-thu-nghiem-2026"  # every portal user's in the tests
_n = itertools.count(1)


def local(*args) -> dt.datetime:
    """An aware datetime given in Vietnamese wall-clock time."""
    return dt.datetime(*args, tzinfo=VN)


def crafted_school(*, authority, name=None, levels=("lower_secondary",), host=True, **kwargs):
    n = next(_n)
    school = School.objects.create(
        name=name or f"THCS Thử {n}",
        code=kwargs.pop("code", f"crafted-{n}"),
        levels=list(levels),
        authority=authority,
        schema_name=kwargs.pop("schema_name", f"crafted_{n}"),
        **kwargs,
    )
    if host:
        Domain.objects.create(tenant=school, domain=f"crafted-{n}.localhost", is_primary=True)
    return school


def result(
    school,
    *,
    rule="weekly-plan",
    ruleset="letter-2015",
    status="on_time",
    due_at=None,
    month=None,
    period_key=None,
    item="",
    kind="periodic",
    satisfied_at=None,
    late_by=None,
    weight=1.0,
    evidence=None,
):
    due_at = due_at or local(2026, 10, 12, 12)
    month = month or due_at.astimezone(VN).strftime("%Y-%m")
    if status == "late" and late_by is None:
        late_by = dt.timedelta(hours=5)
    if status == "late" and satisfied_at is None:
        satisfied_at = due_at + late_by
    if status == "on_time" and satisfied_at is None:
        satisfied_at = due_at - dt.timedelta(hours=1)
    if evidence is None and status in ("on_time", "late"):
        evidence = [
            {
                "page_id": 7,
                "title": "Kế hoạch tuần 6",
                "url": "http://truong.localhost/ke-hoach/tuan-6/",
            }
        ]
    row = ObligationResult.objects.create(
        school=school,
        ruleset=ruleset,
        rule=rule,
        period_key=period_key or _week_key(due_at),
        item=item,
        kind=kind,
        month=month,
        due_at=due_at,
        status=status,
        satisfied_at=satisfied_at,
        late_by=late_by,
        evidence=evidence or [],
        reason="",
        weight=weight,
    )
    school_tallies_refresh([school.pk])  # as the evaluation does when it stores results
    return row


def _week_key(moment: dt.datetime) -> str:
    iso = moment.astimezone(VN).date().isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


def evaluated(school, *, category="compliant", as_of=None, last_published_at=None):
    as_of = as_of or local(2026, 11, 20, 9)
    return SchoolEvaluation.objects.update_or_create(
        school=school,
        defaults={
            "as_of": as_of,
            "evaluated_at": as_of,
            "summary": {},
            "month_category": category,
            "last_published_at": last_published_at,
        },
    )[0]


def month_of_each_category(authority):
    """Four schools whose October 2026 falls in each category (RULES.md's three + compliant)."""
    silent = crafted_school(authority=authority, name="THCS Im Lặng")
    for week in (5, 12, 19):
        result(silent, status="missing", due_at=local(2026, 10, week, 12))
    evaluated(silent, category="did_not_update")

    gaps = crafted_school(authority=authority, name="THCS Thiếu Bài")
    result(gaps, status="on_time", due_at=local(2026, 10, 5, 12))
    result(gaps, status="missing", due_at=local(2026, 10, 12, 12), rule="work-schedule")
    evaluated(gaps, category="incomplete")

    slow = crafted_school(authority=authority, name="THCS Chậm Trễ")
    result(slow, status="on_time", due_at=local(2026, 10, 5, 12))
    result(slow, status="late", due_at=local(2026, 10, 12, 12), late_by=dt.timedelta(hours=20))
    evaluated(slow, category="irregular")

    good = crafted_school(authority=authority, name="THCS Chăm Chỉ")
    result(good, status="on_time", due_at=local(2026, 10, 5, 12))
    result(good, status="on_time", due_at=local(2026, 10, 12, 12))
    evaluated(good, category="compliant")
    return {"did_not_update": silent, "incomplete": gaps, "irregular": slow, "compliant": good}
