"""Which reminders are due (from the stored results, public schema) and who receives them
(from the school's own schema: its editors and moderators, plus the principal's address)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django_tenants.utils import schema_context

from compliance.models import ObligationResult, ObligationStatus
from reminders.config import reminder_settings
from reminders.models import ReminderLog
from tenants.models import School
from tenants.schoolcalendar.localtime import LOCAL_TZ, local_date
from tenants.schoolcalendar.periods import WeekKey, parse_period_key

BEFORE_DUE = ReminderLog.Kind.BEFORE_DUE
LATE = ReminderLog.Kind.LATE
# Items with a deadline known in advance; latency rules (news of an event, urgent notices) start
# from the event itself, so nothing can be announced before them.
REMINDABLE_KINDS = ("periodic",)
ALERT_KINDS = ("periodic", "latency", "frequency", "always_present")


@dataclass(frozen=True)
class Candidate:
    school_id: int
    ruleset: str
    rule: str
    period_key: str
    item: str
    kind: str  # before_due | late
    due_at: dt.datetime | None


def opens_at(*, period_key: str, due_at: dt.datetime) -> dt.datetime:
    """When the reminder of a pending item may go out (see config)."""
    config = reminder_settings()
    try:
        weekly = isinstance(parse_period_key(period_key), WeekKey)
    except ValueError:
        weekly = False
    if not weekly:
        return due_at - dt.timedelta(days=config["DAYS_BEFORE"])
    day = local_date(due_at - dt.timedelta(microseconds=1))
    back = (day.weekday() - config["WEEKLY_WEEKDAY"]) % 7 or 7
    friday = day - dt.timedelta(days=back)
    return dt.datetime.combine(friday, dt.time(config["WEEKLY_HOUR"]), tzinfo=LOCAL_TZ)


def reminder_candidates(*, now: dt.datetime) -> list[Candidate]:
    """Every reminder and late alert due now, over all active schools (two statements)."""
    config = reminder_settings()
    active = School.objects.real().filter(status=School.Status.ACTIVE)
    fields = ("school_id", "ruleset", "rule", "period_key", "item", "due_at")
    pending = ObligationResult.objects.filter(
        school__in=active,
        status=ObligationStatus.PENDING,
        kind__in=REMINDABLE_KINDS,
        due_at__gt=now,
        due_at__lte=now + dt.timedelta(days=max(config["DAYS_BEFORE"], 7) + 1),
    ).values_list(*fields)
    found = [
        Candidate(*row[:5], kind=BEFORE_DUE, due_at=row[5])
        for row in pending
        if opens_at(period_key=row[3], due_at=row[5]) <= now
    ]
    late = ObligationResult.objects.filter(
        school__in=active,
        status__in=ObligationStatus.problems(),
        kind__in=ALERT_KINDS,
        due_at__lte=now,
        due_at__gte=now - dt.timedelta(days=config["LATE_WINDOW_DAYS"]),
    ).values_list(*fields)
    found += [Candidate(*row[:5], kind=LATE, due_at=row[5]) for row in late]
    return found


def school_recipients(school: School) -> list[str]:
    """The school's editors and principal accounts with an address (config GROUPS), and the
    principal's address on the school row (lower-case, each once). Read inside the school's schema: that is where its accounts live."""
    with schema_context(school.schema_name):
        emails = list(
            get_user_model()
            .objects.filter(is_active=True, groups__name__in=reminder_settings()["GROUPS"])
            .exclude(email="")
            .values_list("email", flat=True)
            .distinct()
        )
    if school.principal_email:
        emails.append(school.principal_email)
    return sorted({e.strip().lower() for e in emails if e.strip()})
