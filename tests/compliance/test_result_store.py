"""Stored results are rewritten by difference (compliance/services/evaluation.py,
`_results_replace`): an evaluation that changes nothing writes nothing, and whatever the stored
rows were, they end equal to what the evaluator says; the week tallies the dashboard reads
(compliance/services/tallies.py) are those rows added up."""

import datetime as dt
from collections import defaultdict

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from compliance.models import ObligationResult, ObligationStatus, WeekTally
from compliance.services.evaluation import RESULT_KEY, RESULT_VALUES, school_evaluate
from compliance.services.tallies import school_tallies_refresh
from tenants.schoolcalendar.localtime import LOCAL_TZ
from tests.crafting import crafted_school, local, result

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=LOCAL_TZ)


def stored(school) -> dict:
    return {
        tuple(values[: len(RESULT_KEY)]): values[len(RESULT_KEY) :]
        for values in ObligationResult.objects.filter(school=school).values_list(
            *RESULT_KEY, *RESULT_VALUES
        )
    }


def writes_to_results(queries) -> list[str]:
    """The statements that write the results table (not those that only read it)."""
    table = ObligationResult._meta.db_table
    targets = (f'INSERT INTO "{table}"', f'UPDATE "{table}"', f'DELETE FROM "{table}"')
    return [q["sql"] for q in queries if q["sql"].startswith(targets)]


def test_an_evaluation_that_changes_nothing_writes_no_result_row(school):
    with time_machine.travel(NOW, tick=False):
        school_evaluate(school=school)
        first = stored(school)
        with CaptureQueriesContext(connection) as queries:
            school_evaluate(school=school)
    assert first and stored(school) == first
    assert writes_to_results(queries.captured_queries) == []


def test_changed_missing_and_stray_rows_end_as_the_evaluator_says(school):
    with time_machine.travel(NOW, tick=False):
        school_evaluate(school=school)
        truth = stored(school)
        rows = list(ObligationResult.objects.filter(school=school).order_by("id"))
        tampered, removed = rows[0], rows[1]
        wrong = next(s for s in ObligationStatus.values if s != tampered.status)
        ObligationResult.objects.filter(pk=tampered.pk).update(status=wrong, reason="sửa tay")
        removed.delete()
        ObligationResult.objects.create(
            school=school,
            ruleset="x",
            rule="stray",
            period_key="2026-W01",
            kind="periodic",
            month="2026-01",
            status=ObligationStatus.MISSING,
        )
        with CaptureQueriesContext(connection) as queries:
            school_evaluate(school=school)

    assert stored(school) == truth
    assert ObligationResult.objects.get(pk=tampered.pk).status == tampered.status  # kept its id
    assert not ObligationResult.objects.filter(rule="stray").exists()
    kinds = sorted(sql.split()[0] for sql in writes_to_results(queries.captured_queries))
    assert kinds == ["DELETE", "INSERT"]  # the stray row; the missing and changed ones (upsert)


def tallies(school) -> dict:
    return {
        (t.month, t.week): (t.met, t.due, t.late, t.missing, t.flagged)
        for t in WeekTally.objects.filter(school=school)
    }


def tallies_of_results(school) -> dict:
    """The week tallies worked out in Python from the stored results (decided rows only)."""
    found: dict = defaultdict(lambda: [0.0, 0.0, 0, 0, 0])
    for row in ObligationResult.objects.filter(
        school=school, status__in=ObligationStatus.decided()
    ):
        local_day = row.due_at.astimezone(LOCAL_TZ).date() if row.due_at else None
        monday = local_day - dt.timedelta(days=local_day.weekday()) if local_day else None
        tally = found[(row.month, monday)]
        tally[0] += row.weight if row.status == ObligationStatus.ON_TIME else 0.0
        tally[1] += row.weight
        tally[2] += row.status == ObligationStatus.LATE
        tally[3] += row.status == ObligationStatus.MISSING
        tally[4] += bool(row.flags)
    return {key: tuple(value) for key, value in found.items()}


def test_the_week_tallies_are_the_stored_results_added_up_and_follow_them(school):
    with time_machine.travel(NOW + dt.timedelta(weeks=3), tick=False):  # deadlines passed
        school_evaluate(school=school)
        first = tallies(school)
        assert first and first == tallies_of_results(school)
        with CaptureQueriesContext(connection) as unchanged:
            school_evaluate(school=school)
        ObligationResult.objects.filter(school=school, status=ObligationStatus.MISSING).update(
            status=ObligationStatus.ON_TIME
        )
        school_evaluate(school=school)  # puts the results, and so the tallies, right again

    assert not [q for q in unchanged.captured_queries if "compliance_weektally" in q["sql"]]
    assert tallies(school) == first


def test_a_week_is_the_local_monday_of_the_deadline_split_by_month_and_counts_decided_rows(
    authority,
):
    school = crafted_school(authority=authority)
    # Monday 30/11/2026 00:30 in Hà Nội is still Sunday 29/11 in UTC
    result(school, status="on_time", due_at=local(2026, 11, 30, 0, 30), weight=2.0)
    result(school, status="late", due_at=local(2026, 12, 3, 12), rule="work-schedule")
    result(school, status="missing", due_at=local(2026, 12, 6, 23), rule="news")
    result(school, status="pending", due_at=local(2026, 12, 6, 23), rule="monthly-plan")
    ObligationResult.objects.filter(school=school, rule="news").update(
        flags={"anchor_backdated": True}
    )
    school_tallies_refresh([school.pk])

    monday = dt.date(2026, 11, 30)
    assert tallies(school) == {
        ("2026-11", monday): (2.0, 2.0, 0, 0, 0),
        ("2026-12", monday): (0.0, 2.0, 1, 1, 1),
    }
    assert tallies(school) == tallies_of_results(school)
