"""Celery tasks of reminders and digests. They take schema names and ids; each is idempotent
(the log rows are the claim), and sends are retried with backoff when the mail server fails.

Beat (entries in schoolhost/schedules.py, times Asia/Ho_Chi_Minh):
- `reminders.reminders_dispatch` every hour at :10 — Friday 08:00 announcements go out by
  08:10, and a deadline passed at 00:00, 12:00 or 16:00 is alerted after the re-evaluation
  that runs one minute later;
- `reminders.authority_message_deliver` (not periodic) sends a message an authority wrote on
  /quan-ly/nhac-nho/, queued after the request's commit;
- `reminders.digests_send_weekly` on Mondays at 07:00 — last week's digest to admins.
"""

from celery import shared_task
from django.db import OperationalError
from django.utils import timezone
from django_tenants.utils import get_public_schema_name, schema_context

from reminders.announcements import authority_message_deliver, authority_messages_requeue
from reminders.services import (
    SEND_ERRORS,
    digest_authorities,
    digest_send,
    digest_week,
    reminders_claim,
    reminders_send,
)
from tenants.models import Authority, School

RETRY = {
    "autoretry_for": (*SEND_ERRORS, OperationalError),
    "retry_backoff": 60,
    "retry_backoff_max": 3600,
    "max_retries": 5,
    "acks_late": True,
    "ignore_result": True,
}


@shared_task(name="reminders.reminders_dispatch", ignore_result=True)
def reminders_dispatch() -> int:
    """Fan-out (public schema): claim what is due, then one send task per school; and queue
    again the authorities' messages whose sending was lost."""
    with schema_context(get_public_schema_name()):
        authority_messages_requeue(now=timezone.now())
        schemas = reminders_claim(now=timezone.now())
        for schema_name in schemas:
            reminders_send_school.delay(schema_name)
        return len(schemas)


@shared_task(name="reminders.reminders_send_school", **RETRY)
def reminders_send_school(schema_name: str) -> int:
    with schema_context(get_public_schema_name()):
        school = School.objects.select_related("authority").filter(schema_name=schema_name).first()
        return 0 if school is None else reminders_send(school=school)


@shared_task(name="reminders.authority_message_deliver", **RETRY)
def authority_message_deliver_task(message_id: int) -> int:
    """Send an authority's message (/quan-ly/nhac-nho/) to its queued schools; safe to run
    twice (reminders/announcements.py)."""
    with schema_context(get_public_schema_name()):
        return authority_message_deliver(message_id=message_id)


@shared_task(name="reminders.digests_send_weekly", ignore_result=True)
def digests_send_weekly() -> int:
    with schema_context(get_public_schema_name()):
        week = digest_week(timezone.now())
        ids = digest_authorities()
        for authority_id in ids:
            digest_send_authority.delay(authority_id, week)
        return len(ids)


@shared_task(name="reminders.digest_send", **RETRY)
def digest_send_authority(authority_id: int, week: str) -> bool:
    with schema_context(get_public_schema_name()):
        authority = Authority.objects.filter(pk=authority_id).first()
        return False if authority is None else digest_send(authority=authority, week=week)
