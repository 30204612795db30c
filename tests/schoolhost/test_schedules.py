"""The periodic tasks (schoolhost/schedules.py) reach Celery beat's tables, each naming a task a
worker knows, at the local times their comments promise."""

import pytest
from django.core.management import call_command
from django_celery_beat.models import PeriodicTask

from schoolhost.celery import app
from schoolhost.schedules import SCHEDULES

pytestmark = pytest.mark.django_db


def test_every_schedule_names_a_registered_task():
    app.loader.import_default_modules()  # what a worker does at start: autodiscover the tasks
    assert {s.task for s in SCHEDULES} <= set(app.tasks)


def test_setup_schedules_writes_each_entry_once_at_its_local_time(capsys):
    call_command("setup_schedules")
    call_command("setup_schedules")  # idempotent
    entries = {t.name: t for t in PeriodicTask.objects.select_related("crontab")}
    assert set(entries) >= {s.name for s in SCHEDULES}
    assert PeriodicTask.objects.filter(name__in=[s.name for s in SCHEDULES]).count() == len(
        SCHEDULES
    )
    digest = entries["reminders: weekly digest"]
    assert digest.task == "reminders.digests_send_weekly"
    crontab = digest.crontab
    assert (crontab.minute, crontab.hour, crontab.day_of_week) == ("0", "7", "1")  # Mon 07:00
    assert str(crontab.timezone) == "Asia/Ho_Chi_Minh"
    report = entries["reports: monthly report"].crontab
    assert (report.minute, report.hour, report.day_of_month) == ("5", "0", "1")
    assert "scheduled: reports: monthly report" in capsys.readouterr().out


def test_every_beat_entry_equals_its_definition_field_by_field():
    call_command("setup_schedules")
    entries = {t.name: t for t in PeriodicTask.objects.select_related("crontab")}
    for schedule in SCHEDULES:
        entry = entries[schedule.name]
        crontab = entry.crontab
        assert (entry.task, entry.enabled, entry.description) == (
            schedule.task,
            True,
            schedule.why,
        ), schedule.name
        assert (
            crontab.minute,
            crontab.hour,
            crontab.day_of_month,
            crontab.month_of_year,
            crontab.day_of_week,
            str(crontab.timezone),
        ) == (
            schedule.minute,
            schedule.hour,
            schedule.day_of_month,
            "*",
            schedule.day_of_week,
            "Asia/Ho_Chi_Minh",
        ), schedule.name
    # what beat will run: the digest only on Mondays, at 07:00 local
    digest = entries["reminders: weekly digest"].crontab.schedule
    assert digest.day_of_week == {1} and digest.hour == {7} and digest.minute == {0}
    nightly = entries["compliance: nightly evaluation"].crontab.schedule
    assert nightly.day_of_week == set(range(7)) and nightly.hour == {2}
