"""Evaluate a school: read its evidence, run the pure evaluator, store the results.

`school_obligations` computes without storing (any past moment can be re-evaluated on demand:
"what did we know on 1 November?"); `school_evaluate` computes as of now and replaces the
school's stored rows in one transaction, so the dashboard never sees half an evaluation.
"""

import datetime as dt
import time
from dataclasses import dataclass

from django.db import connection, transaction
from django.utils import timezone
from django_tenants.utils import schema_context

from compliance.engine import evaluate, month_category, summary
from compliance.engine.obligations import Obligation, Status
from compliance.engine.rollup import obligation_month
from compliance.evidence_reader import evidence_snapshot
from compliance.models import ObligationResult, SchoolEvaluation
from compliance.selectors import parameter_overrides, rulesets_in_force, school_calendar
from compliance.services.tallies import school_tallies_refresh
from tenants.hosts import site_url
from tenants.models import School
from tenants.schoolcalendar.localtime import local_date
from tenants.selectors import school_primary_host


@dataclass(frozen=True)
class SchoolReport:
    school: School
    as_of: dt.datetime
    rulesets: list[str]
    obligations: list[Obligation]
    summary: dict
    month: str
    category: str
    last_published_at: dt.datetime | None

    def as_dict(self) -> dict:
        return {
            "school": {
                "name": self.school.name,
                "code": self.school.code,
                "schema_name": self.school.schema_name,
                "levels": self.school.levels,
                "authority": self.school.authority.code if self.school.authority else None,
            },
            "as_of": self.as_of.astimezone(dt.UTC).isoformat(),
            "rulesets": self.rulesets,
            "obligations": [o.as_dict() for o in self.obligations],
            "summary": {**self.summary, "month": self.month, "category": self.category},
        }


def school_obligations(*, school: School, as_of: dt.datetime | None = None) -> SchoolReport:
    """The school's obligations as of `as_of` (default now), from its schema; stores nothing."""
    now = timezone.now()
    as_of = min(as_of or now, now)
    host = school_primary_host(school) or "localhost"
    with schema_context(school.schema_name):
        snapshot = evidence_snapshot(
            levels=school.levels,
            serves_meals=school.serves_meals,
            taken_at=as_of,
            site_url=site_url(host),
            opened_at=school.created_at,
        )
    in_force = rulesets_in_force(school.authority)
    obligations = evaluate(
        rulesets=in_force,
        calendar=school_calendar(school.authority),
        snapshot=snapshot,
        as_of=as_of,
        overrides=parameter_overrides(school.authority),
        since=school.created_at,
    )
    month = local_date(as_of).strftime("%Y-%m")
    verdict = month_category(obligations=obligations, month=month)
    published = [start for item in snapshot.items for start, _ in item.live]
    return SchoolReport(
        school=school,
        as_of=as_of,
        rulesets=sorted({entry.ruleset.id for entry in in_force}),
        obligations=obligations,
        summary=summary(obligations=obligations),
        month=month,
        category=str(verdict.category),
        last_published_at=max(published, default=None),
    )


# First key of the advisory locks that serialise one school's evaluations (the second is the
# school's id); any constant no other lock in the database uses.
EVALUATION_LOCK_NAMESPACE = 0x5C4E


def school_evaluate(*, school: School) -> SchoolReport:
    """Evaluate as of now and replace the school's stored results (idempotent).

    Evaluations of one school run one at a time (a transaction-scoped advisory lock taken
    before the evidence is read): two workers evaluating the same school after two quick
    publishes never collide on the stored rows, and the one that stores last has read last,
    so a slower evaluation of older evidence never overwrites a newer one.

    Its commit does not wait for the disk (`synchronous_commit = off`, this transaction only):
    the stored results are derived from the school's pages and rewritten by the next
    evaluation, so a server crash can at worst lose the last fraction of a second of
    evaluations (never corrupt one; any later durable commit, such as the outbox's, makes the
    earlier ones durable too). Waiting for the flush took 3 ms (quiet disk) to 15 ms (busy) of
    an evaluation's 75–110 ms in issue 15's profiles.
    """
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_advisory_xact_lock(%s, %s)", [EVALUATION_LOCK_NAMESPACE, school.pk]
            )
            cursor.execute("SET LOCAL synchronous_commit TO OFF")
        return _school_evaluate_locked(school=school)


def _school_evaluate_locked(*, school: School) -> SchoolReport:
    started = time.perf_counter()
    report = school_obligations(school=school)
    rows = [
        ObligationResult(
            school=school,
            ruleset=o.ruleset,
            rule=o.rule,
            period_key=o.period_key,
            item=o.item or "",
            kind=o.kind,
            month=obligation_month(o) or "",
            due_at=o.due_at,
            status=str(o.status),
            satisfied_at=o.satisfied_at,
            late_by=o.late_by,
            evidence=[ref._asdict() for ref in o.evidence],
            reason=o.reason,
            weight=o.weight,
            flags=dict(o.flags),
        )
        for o in report.obligations
    ]
    pending = [o.due_at for o in report.obligations if o.status == Status.PENDING and o.due_at]
    with transaction.atomic():
        _results_replace(school, rows)
        SchoolEvaluation.objects.update_or_create(
            school=school,
            defaults={
                "as_of": report.as_of,
                "evaluated_at": timezone.now(),
                "duration_ms": int((time.perf_counter() - started) * 1000),
                "summary": report.summary,
                "month_category": report.category,
                "last_published_at": report.last_published_at,
                "next_due_at": min(pending, default=None),
            },
        )
    return report


RESULT_KEY = ("ruleset", "rule", "period_key", "item")
RESULT_VALUES = tuple(
    f.attname
    for f in ObligationResult._meta.concrete_fields
    if not f.primary_key and f.name != "school" and f.name not in RESULT_KEY
)


def _results_replace(school: School, rows: list[ObligationResult]) -> tuple[int, int, int]:
    """Make the school's stored rows equal `rows`, writing only what changed.

    Most evaluations (the nightly sweep, a re-evaluation after an edit that changes nothing)
    change few of a school's ~160 rows: deleting and re-inserting all of them was most of an
    evaluation's database time (bench/evaluation.py). Rows are matched on the obligation's key
    (ruleset, rule, period, item; unique per school); a changed row keeps its id. The
    school's week tallies (the dashboard's sums) are rewritten when anything changed.
    Returns (inserted, updated, deleted)."""
    width = len(RESULT_KEY)
    stored = {
        tuple(values[1 : 1 + width]): (values[0], list(values[1 + width :]))
        for values in ObligationResult.objects.filter(school=school).values_list(
            "id", *RESULT_KEY, *RESULT_VALUES
        )
    }
    wanted = {tuple(getattr(row, name) for name in RESULT_KEY): row for row in rows}
    inserted = updated = 0
    changed = []
    for key, row in wanted.items():
        if key not in stored:
            inserted += 1
            changed.append(row)
        elif [getattr(row, name) for name in RESULT_VALUES] != stored[key][1]:
            updated += 1
            changed.append(row)
    gone = [row_id for key, (row_id, _) in stored.items() if key not in wanted]
    if gone:
        ObligationResult.objects.filter(id__in=gone).delete()
    if changed:
        # one INSERT … ON CONFLICT DO UPDATE for new and changed rows alike (a changed row
        # keeps its id): Django's bulk_update spent more Python building its CASE expressions
        # than PostgreSQL spent writing (issue 15's sweep profile)
        ObligationResult.objects.bulk_create(
            changed,
            batch_size=1000,
            update_conflicts=True,
            unique_fields=["school", *RESULT_KEY],
            update_fields=list(RESULT_VALUES),
        )
    if changed or gone:
        school_tallies_refresh([school.pk])
    return inserted, updated, len(gone)
