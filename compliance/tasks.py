"""Celery tasks of the evaluation pipeline. They take schema names, never model instances, and
are idempotent: evaluating a school twice stores the same rows."""

from celery import shared_task
from django.db import InterfaceError, OperationalError
from django.utils import timezone
from django_tenants.utils import get_public_schema_name, schema_context

from compliance.services.evaluation import school_evaluate
from compliance.services.outbox import evaluation_requests_done, evaluation_requests_drain
from tenants.models import School


@shared_task(
    name="compliance.evaluate_school",
    ignore_result=True,
    acks_late=True,
    # A database that restarted or a lock that timed out: try again, backing off.
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=True,
    max_retries=5,
)
def evaluate_school(schema_name: str) -> None:
    """Re-evaluate one school and replace its stored results."""
    with schema_context(get_public_schema_name()):
        school = (
            School.objects.real()
            .select_related("authority")
            .filter(schema_name=schema_name)
            .first()
        )
        started_at = timezone.now()
        if school is not None:
            school_evaluate(school=school)
        evaluation_requests_done(schema_name, started_at=started_at)


@shared_task(name="compliance.evaluate_all_schools", ignore_result=True)
def evaluate_all_schools() -> int:
    """The nightly and at-each-deadline fan-out: one task per school (public schema)."""
    with schema_context(get_public_schema_name()):
        schemas = list(School.objects.real().values_list("schema_name", flat=True))
        for schema_name in schemas:
            evaluate_school.delay(schema_name)
        return len(schemas)


@shared_task(name="compliance.evaluation_requests_drain", ignore_result=True)
def evaluation_requests_drain_task() -> int:
    """Beat, every minute: send again the evaluations whose first send failed (public schema)."""
    with schema_context(get_public_schema_name()):
        return evaluation_requests_drain()
