"""Celery tasks of the monthly report (ids and month keys in, never model instances).

Beat runs `reports.monthly_reports_generate` at 00:05 Asia/Ho_Chi_Minh on the 1st of every
month (its entry is in schoolhost/schedules.py); it fans out one idempotent task per authority
for the month before. A worker that dies mid-task (acks_late) or a re-run of the whole job changes nothing
once a report exists: `monthly_report_generate` creates each (authority, month) exactly once.
"""

from celery import shared_task
from django.db import OperationalError
from django.utils import timezone
from django_tenants.utils import get_public_schema_name, schema_context

from compliance.models import SchoolEvaluation
from reports.generation import monthly_report_generate
from reports.models import MonthlyReport
from reports.months import month_parse, month_start, previous_month
from tenants.models import Authority, School
from tenants.selectors import schools_of_authority


def authorities_with_schools() -> list[int]:
    """Ids of every authority that oversees a school, directly or through a body under it."""
    parents = dict(Authority.objects.values_list("pk", "parent_id"))
    ids: set[int] = set()
    for authority_id in School.objects.real().values_list("authority_id", flat=True).distinct():
        while authority_id is not None and authority_id not in ids:
            ids.add(authority_id)
            authority_id = parents.get(authority_id)
    return sorted(ids)


@shared_task(name="reports.monthly_reports_generate", ignore_result=True)
def monthly_reports_generate(month: str | None = None) -> int:
    """Fan-out (public schema): the month before today's (local) unless a month is given."""
    with schema_context(get_public_schema_name()):
        key = month_parse(month).key if month else previous_month(timezone.now()).key
        ids = authorities_with_schools()
        for authority_id in ids:
            monthly_report_generate_for.delay(authority_id, key)
        return len(ids)


# Beat re-evaluates every school at 00:01; at 00:05 some may not be done yet. The report waits
# (5 minutes at a time, at most half an hour) for evaluations made after the month ended, then
# is generated anyway: `MonthlyReport.evaluated_as_of` says what it was based on.
STALE_RETRY_SECONDS = 300
STALE_RETRIES = 6


def schools_evaluated_before(*, authority: Authority, moment) -> int:
    """How many of the authority's evaluated schools were last evaluated before `moment`."""
    return SchoolEvaluation.objects.filter(
        school__in=schools_of_authority(authority), as_of__lt=moment
    ).count()


@shared_task(
    bind=True,
    name="reports.monthly_report_generate",
    ignore_result=True,
    acks_late=True,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=STALE_RETRIES,
)
def monthly_report_generate_for(self, authority_id: int, month: str) -> bool:
    """One authority's report; True when it was created by this run."""
    with schema_context(get_public_schema_name()):
        authority = Authority.objects.filter(pk=authority_id).first()
        if authority is None:
            return False
        key = month_parse(month)
        ended = month_start(key.shifted(1))
        exists = MonthlyReport.objects.filter(authority=authority, month=key.key).exists()
        stale = not exists and schools_evaluated_before(authority=authority, moment=ended)
        if stale and self.request.retries < STALE_RETRIES:
            raise self.retry(countdown=STALE_RETRY_SECONDS)
        return monthly_report_generate(
            authority=authority, month=key, requested_by="celery beat"
        ).created
