"""Ask for a school's evaluation so that it survives a broker outage (models/outbox.py)."""

import datetime as dt
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from compliance.models import EvaluationRequest
from tenants.models import School
from tenants.services.validation import POOL_PREFIX

logger = logging.getLogger(__name__)

# A request older than this (s) is sent again by the drain: its first send failed or was lost.
RESEND_AFTER_SECONDS = 60


def evaluation_request(schema_name: str) -> None:
    """Record that `schema_name` needs an evaluation (in the caller's transaction), and send the
    task once that transaction commits. A failed send is logged; the request stays for the drain.
    The template and pooled schemas are not schools: their publications ask for nothing.
    """
    evaluations_request([schema_name])


def evaluations_request(schema_names: list[str]) -> None:
    """`evaluation_request` for many schools at once (e.g. every school of an authority after
    a rule change): one upsert for all of them, then one send each after the commit."""
    schema_names = [
        name
        for name in dict.fromkeys(schema_names)
        if name != settings.SCHOOL_TEMPLATE_SCHEMA and not name.startswith(POOL_PREFIX)
    ]
    if not schema_names:
        return
    now = timezone.now()
    EvaluationRequest.objects.bulk_create(
        [EvaluationRequest(schema_name=name, requested_at=now) for name in schema_names],
        update_conflicts=True,
        unique_fields=["schema_name"],
        update_fields=["requested_at"],
    )
    transaction.on_commit(lambda: _send_all(schema_names))


def _send_all(schema_names: list[str]) -> None:
    for name in schema_names:
        if not evaluation_send(name):
            return  # the broker is down: the drain sends the rest when it is back


def evaluation_send(schema_name: str) -> bool:
    """Queue the evaluation task; False (logged) when the broker cannot be reached."""
    from compliance.tasks import evaluate_school

    try:
        evaluate_school.delay(schema_name)
    except Exception:  # noqa: BLE001 — the broker being down must not fail a publish
        logger.warning("could not queue the evaluation of %s", schema_name, exc_info=True)
        return False
    return True


def evaluation_requests_done(schema_name: str, *, started_at: dt.datetime) -> None:
    """An evaluation that began at `started_at` (UTC) has stored its results: requests made
    before it are answered; one made while it ran stays, for the next evaluation."""
    EvaluationRequest.objects.filter(schema_name=schema_name, requested_at__lte=started_at).delete()


def evaluation_requests_drain(*, now: dt.datetime | None = None) -> int:
    """Send again every request older than RESEND_AFTER_SECONDS; returns how many were sent.
    Stops at the first failed send (the broker is still down; the rows wait)."""
    cutoff = (now or timezone.now()) - dt.timedelta(seconds=RESEND_AFTER_SECONDS)
    schools = School.objects.real().values("schema_name")
    EvaluationRequest.objects.exclude(schema_name__in=schools).delete()  # deleted schools
    sent = 0
    for schema_name in EvaluationRequest.objects.filter(requested_at__lte=cutoff).values_list(
        "schema_name", flat=True
    ):
        if not evaluation_send(schema_name):
            break
        sent += 1
    return sent
