"""Stored results are rewritten by difference (compliance/services/evaluation.py,
`_results_replace`): an evaluation that changes nothing writes nothing, and whatever the stored
rows were, they end equal to what the evaluator says."""

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from compliance.models import ObligationResult, ObligationStatus
from compliance.services.evaluation import RESULT_KEY, RESULT_VALUES, school_evaluate
from tenants.schoolcalendar.localtime import LOCAL_TZ

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
    table = ObligationResult._meta.db_table
    return [
        q["sql"]
        for q in queries
        if table in q["sql"] and q["sql"].split()[0] in ("INSERT", "UPDATE", "DELETE")
    ]


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
    assert kinds == ["DELETE", "INSERT", "UPDATE"]
