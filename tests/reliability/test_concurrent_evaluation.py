"""Concurrent evaluations of one school serialise instead of failing (issue 11, faults)."""

import threading

from django.db import connection

from compliance.models import ObligationResult, SchoolEvaluation
from compliance.services.evaluation import school_evaluate


def test_eight_workers_evaluating_one_school_at_once_all_succeed(committed_schools):
    school = committed_schools(name="THCS Lê Lợi", domain="thcs-le-loi.localhost")
    school_evaluate(school=school)
    expected = ObligationResult.objects.filter(school=school).count()
    assert expected > 0
    errors: list[BaseException] = []
    start = threading.Barrier(8)

    def worker():
        try:
            start.wait()
            for _ in range(3):
                school_evaluate(school=school)
        except BaseException as exc:  # noqa: BLE001 — collected and asserted below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert ObligationResult.objects.filter(school=school).count() == expected
    assert SchoolEvaluation.objects.filter(school=school).count() == 1
