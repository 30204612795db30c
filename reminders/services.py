"""Claim, send and log reminders and digests.

A reminder is claimed by inserting its log row (unique per school, obligation and kind; a
conflict means someone already has it), then sent by the school's task, which marks the rows
sent. A re-run of the dispatch claims nothing new, so nobody gets the same reminder twice. A
failed send leaves the rows "failed" and raises, so that Celery retries (`MAX_ATTEMPTS`); all
of this runs in workers, never in the path of a publication.
"""

from __future__ import annotations

import datetime as dt
import smtplib
from collections import Counter, defaultdict

from django.core.mail import get_connection
from django.db import transaction
from django.db.models import Count, F, Q
from django.utils import timezone

from compliance.models import ObligationResult, ObligationStatus, SchoolEvaluation
from portal.models import AuthorityMembership
from reminders.config import reminder_settings
from reminders.messages import digest_message, school_messages
from reminders.models import DeliveryStatus, DigestLog, ReminderLog
from reminders.preferences import PUBLIC, addresses_opted_out
from reminders.selectors import reminder_candidates, school_recipients
from tenants.models import Authority, School
from tenants.schoolcalendar.localtime import LOCAL_TZ, local_date
from tenants.selectors import authority_and_descendant_ids

# What a mail server or the network throws when a send fails and may succeed later.
SEND_ERRORS = (smtplib.SMTPException, ConnectionError, TimeoutError)


def reminders_claim(*, now: dt.datetime) -> list[str]:
    """Log every reminder due now that nobody claimed yet; the schools that have some queued."""
    rows = [
        ReminderLog(
            school_id=c.school_id,
            ruleset=c.ruleset,
            rule=c.rule,
            period_key=c.period_key,
            item=c.item,
            kind=c.kind,
            due_at=c.due_at,
        )  # fmt: skip
        for c in reminder_candidates(now=now)
    ]
    ReminderLog.objects.bulk_create(rows, batch_size=1000, ignore_conflicts=True)
    return list(
        School.objects.filter(
            reminder_logs__status__in=(DeliveryStatus.QUEUED, DeliveryStatus.FAILED),
            reminder_logs__attempts__lt=reminder_settings()["MAX_ATTEMPTS"],
        )
        .distinct()
        .values_list("schema_name", flat=True)
    )


def reminders_send(*, school: School, now: dt.datetime | None = None) -> int:
    """Send the school's queued reminders, one message per kind and recipient; the number of
    messages sent. Raises one of SEND_ERRORS (after logging it) when the mail server fails."""
    now = now or timezone.now()
    failure = None
    sent = 0
    with transaction.atomic():
        logs = list(
            ReminderLog.objects.select_for_update(skip_locked=True)
            .filter(
                school=school,
                status__in=(DeliveryStatus.QUEUED, DeliveryStatus.FAILED),
                attempts__lt=reminder_settings()["MAX_ATTEMPTS"],
            )
            .order_by("due_at", "rule", "item")
        )
        if not logs:
            return 0
        everyone = school_recipients(school)
        by_kind = defaultdict(list)
        for log in logs:
            by_kind[log.kind].append(log)
        connection = get_connection()
        for kind, kind_logs in by_kind.items():
            ids = [log.pk for log in kind_logs]
            out = addresses_opted_out(schema_name=school.schema_name, emails=everyone, kind=kind)
            recipients = [e for e in everyone if e not in out]
            if not recipients:
                ReminderLog.objects.filter(pk__in=ids).update(status=DeliveryStatus.NO_RECIPIENT)
                continue
            messages = school_messages(
                school=school, kind=kind, logs=kind_logs, recipients=recipients
            )
            try:
                connection.send_messages(messages)
            except SEND_ERRORS as exc:
                failure = exc
                ReminderLog.objects.filter(pk__in=ids).update(
                    status=DeliveryStatus.FAILED, attempts=F("attempts") + 1, error=repr(exc)[:2000]
                )
                continue
            sent += len(messages)
            ReminderLog.objects.filter(pk__in=ids).update(
                status=DeliveryStatus.SENT, attempts=F("attempts") + 1, recipients=recipients,
                sent_at=now, error="",
            )  # fmt: skip
    if failure is not None:
        raise failure
    return sent


def digest_week(now: dt.datetime) -> str:
    """The ISO week a digest sent now covers: the week before this one (local)."""
    iso = (local_date(now) - dt.timedelta(days=7)).isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


def digest_authorities() -> list[int]:
    return sorted(
        set(
            AuthorityMembership.objects.filter(role=AuthorityMembership.Role.ADMIN).values_list(
                "authority_id", flat=True
            )
        )
    )


def digest_send(*, authority: Authority, week: str, now: dt.datetime | None = None) -> bool:
    """Send one authority's digest for one week, once; True when sent by this call."""
    now = now or timezone.now()
    with transaction.atomic():
        log, _ = DigestLog.objects.select_for_update().get_or_create(authority=authority, week=week)
        if log.status in (DeliveryStatus.SENT, DeliveryStatus.NO_RECIPIENT):
            return False
        admins = sorted(
            {
                email.lower()
                for email in AuthorityMembership.objects.filter(
                    authority=authority, role=AuthorityMembership.Role.ADMIN, user__is_active=True
                )
                .exclude(user__email="")
                .values_list("user__email", flat=True)
            }
        )
        out = addresses_opted_out(schema_name=PUBLIC, emails=admins, kind="digest")
        recipients = [e for e in admins if e not in out]
        if not recipients:
            log.status = DeliveryStatus.NO_RECIPIENT
            log.save(update_fields=["status"])
            return False
        message = digest_message(
            authority=authority,
            week=week,
            recipients=recipients,
            **_digest_figures(authority, week),
        )
        try:
            message.send()
        except SEND_ERRORS as exc:
            DigestLog.objects.filter(pk=log.pk).update(
                status=DeliveryStatus.FAILED, attempts=F("attempts") + 1, error=repr(exc)[:2000]
            )
            failure = exc
        else:
            DigestLog.objects.filter(pk=log.pk).update(
                status=DeliveryStatus.SENT,
                attempts=F("attempts") + 1,
                recipients=recipients,
                sent_at=now,
            )
            return True
    raise failure


def _digest_figures(authority: Authority, week: str) -> dict:
    ids = authority_and_descendant_ids(authority)
    schools = School.objects.real().filter(authority_id__in=ids)
    counts = Counter(
        SchoolEvaluation.objects.filter(school__in=schools).values_list("month_category", flat=True)
    )
    monday = dt.date.fromisocalendar(int(week[:4]), int(week[6:]), 1)
    start = dt.datetime.combine(monday, dt.time(0), tzinfo=LOCAL_TZ)
    worst = (
        ObligationResult.objects.filter(
            school__in=schools, due_at__gte=start, due_at__lt=start + dt.timedelta(days=7)
        )
        .values("school__name")
        .annotate(
            late=Count("pk", filter=Q(status=ObligationStatus.LATE)),
            missing=Count("pk", filter=Q(status=ObligationStatus.MISSING)),
        )
        .filter(Q(late__gt=0) | Q(missing__gt=0))
        .order_by("-missing", "-late", "school__name")[:10]
    )
    return {
        "counts": dict(sorted(counts.items())),
        "worst": [(w["school__name"], w["late"], w["missing"]) for w in worst],
    }
