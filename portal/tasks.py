"""Background work of the portal: a confirmed school import runs on a worker, in the public
schema, and records its progress row by row for the page that polls it."""

from celery import shared_task
from django_tenants.utils import get_public_schema_name, schema_context


@shared_task(name="portal.school_import_run", ignore_result=True, acks_late=True)
def school_import_run(job_id: int) -> str:
    from portal.services.imports import import_job_run

    with schema_context(get_public_schema_name()):
        return import_job_run(job_id=job_id).status


@shared_task(name="portal.rule_changes_apply", ignore_result=True)
def rule_changes_apply() -> int:
    """Nightly: rule-parameter changes scheduled for today take effect."""
    from portal.services.rules import rule_changes_apply as apply

    with schema_context(get_public_schema_name()):
        return apply()
