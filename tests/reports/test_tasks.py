"""The monthly report's Celery tasks, their own logic run in-process (`.apply()`, no broker):
the fan-out to every authority, exactly once, and the wait for evaluations made late. The
publish-to-stored-result pipeline runs on a real worker in tests/compliance/test_pipeline.py."""

import pytest

from reports import tasks
from reports.models import MonthlyReport
from tests.crafting import crafted_school, evaluated, local, month_of_each_category, result
from tests.factories import authority_make

pytestmark = pytest.mark.django_db


def test_the_beat_task_logic_in_process_generates_last_month_once_for_every_authority(
    authority, frozen_now, monkeypatch
):
    month_of_each_category(authority)
    other = authority_make()
    crafted_school(authority=other)
    idle = authority_make()  # no schools: no report
    sent = []

    def run_now(*args):
        sent.append(args)
        return tasks.monthly_report_generate_for.apply(args=args).get()

    monkeypatch.setattr(tasks.monthly_report_generate_for, "delay", run_now)
    with pytest.MonkeyPatch.context() as clock:
        clock.setattr(tasks.timezone, "now", lambda: local(2026, 11, 1, 0, 5))
        assert tasks.monthly_reports_generate() == 2
        assert tasks.monthly_reports_generate() == 2  # a re-run of the whole job
    assert sorted(sent) == sorted([(authority.pk, "2026-10"), (other.pk, "2026-10")] * 2)
    assert set(MonthlyReport.objects.values_list("authority_id", "month")) == {
        (authority.pk, "2026-10"),
        (other.pk, "2026-10"),
    }
    assert not MonthlyReport.objects.filter(authority=idle).exists()
    assert all(r.generations.count() == 1 for r in MonthlyReport.objects.all())


def test_the_task_logic_in_process_waits_for_evaluations_made_after_the_month_ended(
    authority, frozen_now, monkeypatch
):
    school = crafted_school(authority=authority)
    result(school, status="on_time", due_at=local(2026, 10, 12, 12))

    evaluated(school, as_of=local(2026, 10, 31, 16))  # not yet re-evaluated after 31 October
    checks = []
    real = tasks.schools_evaluated_before

    def counted(**kwargs):
        checks.append(kwargs["moment"])
        return real(**kwargs)

    monkeypatch.setattr(tasks, "schools_evaluated_before", counted)
    created = tasks.monthly_report_generate_for.apply(args=(authority.pk, "2026-10")).get()
    # retried STALE_RETRIES times (5 minutes apart on a real worker), then generated anyway
    assert created is True and len(checks) == tasks.STALE_RETRIES + 1
    assert checks[0] == local(2026, 11, 1)
    report = MonthlyReport.objects.get()
    assert report.evaluated_as_of == local(2026, 10, 31, 16)  # the report says what it used

    checks.clear()
    evaluated(school, as_of=local(2026, 11, 1, 0, 2))
    assert tasks.monthly_report_generate_for.apply(args=(authority.pk, "2026-09")).get() is True
    assert len(checks) == 1
