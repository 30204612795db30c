"""Background work of the portal: a confirmed school import runs on workers, in the public
schema, as a sequence of tasks (plan → one task per chunk of schools → finish) that records
its progress row by row for the page that polls it (portal/services/imports.py)."""

from celery import chain, shared_task
from django_tenants.utils import get_public_schema_name, schema_context


@shared_task(name="portal.school_import_run", ignore_result=True, acks_late=True)
def school_import_run(job_id: int) -> int:
    """Plan the confirmed import and queue its chunks, then its finish, one after another
    (a chain needs no result backend). Returns how many chunk tasks were queued."""
    from portal.services.imports import import_job_plan

    with schema_context(get_public_schema_name()):
        indices = import_job_plan(job_id=job_id)
    steps = [school_import_chunk.si(job_id, index) for index in indices]
    chain(*steps, school_import_finish.si(job_id)).apply_async()
    return len(steps)


@shared_task(name="portal.school_import_chunk", ignore_result=True, acks_late=True)
def school_import_chunk(job_id: int, index: int) -> int:
    from portal.services.imports import import_chunk_run

    with schema_context(get_public_schema_name()):
        return import_chunk_run(job_id=job_id, index=index)


@shared_task(name="portal.school_import_finish", ignore_result=True, acks_late=True)
def school_import_finish(job_id: int) -> str:
    from portal.services.imports import import_job_finish

    with schema_context(get_public_schema_name()):
        return import_job_finish(job_id=job_id).status


@shared_task(name="portal.rule_changes_apply", ignore_result=True)
def rule_changes_apply() -> int:
    """Nightly: rule-parameter changes scheduled for today take effect."""
    from portal.services.rules import rule_changes_apply as apply

    with schema_context(get_public_schema_name()):
        return apply()
