"""Celery tasks of the evaluation pipeline. They take schema names, never model instances, and
are idempotent: evaluating a school twice stores the same rows."""

from celery import shared_task
from django.db import InterfaceError, OperationalError
from django_tenants.utils import get_public_schema_name, schema_context

from compliance.services.evaluation import school_evaluate
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
        if school is not None:
            school_evaluate(school=school)


@shared_task(name="compliance.evaluate_all_schools", ignore_result=True)
def evaluate_all_schools() -> int:
    """The nightly and at-each-deadline fan-out: one task per school (public schema)."""
    with schema_context(get_public_schema_name()):
        schemas = list(School.objects.real().values_list("schema_name", flat=True))
        for schema_name in schemas:
            evaluate_school.delay(schema_name)
        return len(schemas)
