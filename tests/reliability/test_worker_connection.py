"""A worker keeps its database connection between tasks (a new PostgreSQL backend per task cost
the nightly sweep ~10 % of its time, issue 15), yet a connection that broke is replaced
before the next task: the worker never fails a task on a dead connection."""

import datetime as dt
import time
import uuid

import pytest
from django.db import connection

from compliance.models import SchoolEvaluation
from compliance.tasks import evaluate_school
from tests.conftest import real_worker

# libpq names the worker's connections after PGAPPNAME: only they are counted, not a backend
# another test of this process left closing.
WORKER_NAME = f"worker-connection-{uuid.uuid4().hex[:8]}"


@pytest.fixture
def named_worker(transactional_db):
    yield from real_worker(PGAPPNAME=WORKER_NAME)


def _worker_backends() -> set[int]:
    """The worker's PostgreSQL backends on the test database."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
            "AND application_name = %s",
            [WORKER_NAME],
        )
        return {pid for (pid,) in cursor.fetchall()}


def _evaluated(school, *, after) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        evaluation = SchoolEvaluation.objects.filter(school=school).first()
        if evaluation and evaluation.evaluated_at > after:
            return
        time.sleep(0.1)
    raise AssertionError("the worker stored no evaluation within 60 s")


def _evaluate(school) -> None:
    """Send the school's evaluation to the worker and wait for a newer stored one."""
    previous = SchoolEvaluation.objects.filter(school=school).first()
    evaluate_school.delay(school.schema_name)
    _evaluated(
        school, after=previous.evaluated_at if previous else dt.datetime.min.replace(tzinfo=dt.UTC)
    )


def test_a_worker_keeps_its_connection_and_replaces_a_broken_one(named_worker, committed_schools):
    school = committed_schools(name="THCS Kết Nối")
    _evaluate(school)
    first = _worker_backends()
    _evaluate(school)
    assert len(first) == 1 and _worker_backends() == first  # the same backend, kept

    with connection.cursor() as cursor:  # the database drops the worker's connection
        cursor.execute("SELECT pg_terminate_backend(%s)", [next(iter(first))])
    _evaluate(school)
    replaced = _worker_backends()
    assert len(replaced) == 1 and replaced != first
