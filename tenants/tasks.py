"""Background work about schools."""

from celery import shared_task
from django_tenants.utils import get_public_schema_name, schema_context


@shared_task(name="tenants.schema_pool_refill", ignore_result=True)
def schema_pool_refill() -> int:
    """Clone the template until the pool of ready schemas is full again (public schema)."""
    from tenants.services.pool import pool_fill

    return pool_fill()


@shared_task(name="tenants.publish_scheduled_everywhere", ignore_result=True)
def publish_scheduled_everywhere() -> int:
    """Beat, every 5 minutes: find the schools with a scheduled publish or expiry that is due
    (a few batched queries) and run Wagtail's `publish_scheduled` in each of them."""
    from django.utils import timezone

    from tenants.models import School
    from tenants.services.scheduling import schemas_with_due_schedules

    with schema_context(get_public_schema_name()):
        schemas = list(School.objects.real().active().values_list("schema_name", flat=True))
        due = schemas_with_due_schedules(schemas, now=timezone.now())
        for schema_name in due:
            publish_scheduled_in_school.delay(schema_name)
        return len(due)


@shared_task(name="tenants.publish_scheduled_in_school", ignore_result=True, acks_late=True)
def publish_scheduled_in_school(schema_name: str) -> None:
    from django.core.management import call_command

    with schema_context(schema_name):
        call_command("publish_scheduled", verbosity=0)
