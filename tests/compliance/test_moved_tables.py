"""The models that left `compliance` for `reports`, `portal` and `reminders` keep their rows, and
Celery beat's entries follow their tasks' new names.

The test database is taken back to the last migration before the move (the schema of a database
made before issue 14), rows are written with the models of that time, and the database is
migrated forward again: every row is found through today's models, the content types keep their
ids, and new rows get fresh ids from the renamed sequences. All inside the test's transaction.
"""

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django_celery_beat.models import PeriodicTask

from portal.models import AuthorityMembership
from reminders.models import DigestLog, ReminderLog, ReminderPreference
from reports.models import MonthlyReport, MonthlyReportEntry, MonthlyReportGeneration

pytestmark = pytest.mark.django_db
BEFORE_THE_MOVE = [
    ("compliance", "0002_portal_and_reports"),
    ("reports", None),
    ("portal", None),
    ("reminders", None),
]
MOVED = {
    "reports": ["monthlyreport", "monthlyreportentry", "monthlyreportgeneration"],
    "portal": ["authoritymembership"],
    "reminders": ["reminderpreference", "reminderlog", "digestlog"],
}


def _tables() -> set[str]:
    with connection.cursor() as cursor:
        return set(connection.introspection.table_names(cursor))


def _content_type_ids(schema: str, app_label: str) -> dict[str, int]:
    with connection.cursor() as cursor:
        cursor.execute(
            f'SELECT model, id FROM "{schema}".django_content_type WHERE app_label = %s',
            [app_label],
        )
        return dict(cursor.fetchall())


def _write_rows_as_before(apps, *, authority_id: int, school_id: int) -> None:
    old = lambda name: apps.get_model("compliance", name)  # noqa: E731
    now = dt.datetime(2026, 11, 1, 0, 5, tzinfo=dt.UTC)
    report = old("MonthlyReport").objects.create(
        authority_id=authority_id, month="2026-10", generated_at=now, status="published"
    )
    old("MonthlyReportEntry").objects.create(
        report=report,
        school_id=school_id,
        school_code="thcs-cu",
        school_name="THCS Cũ",
        authority_name="Phòng GD&ĐT Cũ",
        category="incomplete",
        missing=2,
    )
    old("MonthlyReportGeneration").objects.create(
        report=report, number=1, generated_at=now, reason="", counts={"schools": 1}
    )
    user = apps.get_model("auth", "User").objects.create(username="admin@pgd-cu.vn")
    old("AuthorityMembership").objects.create(user=user, authority_id=authority_id, role="admin")
    old("ReminderPreference").objects.create(
        schema_name="public", email="admin@pgd-cu.vn", weekly_digest=False
    )
    old("ReminderLog").objects.create(
        school_id=school_id,
        ruleset="letter-2015",
        rule="weekly-plan",
        period_key="2026-W44",
        kind="late",
        status="sent",
        recipients=["ht@cu.edu.vn"],
    )
    old("DigestLog").objects.create(authority_id=authority_id, week="2026-W44", status="sent")
    crontab = apps.get_model("django_celery_beat", "CrontabSchedule").objects.create(
        minute="0", hour="7", day_of_week="1", timezone="Asia/Ho_Chi_Minh"
    )
    apps.get_model("django_celery_beat", "PeriodicTask").objects.create(
        name="compliance: weekly digest", task="compliance.digests_send_weekly", crontab=crontab
    )


def test_a_database_from_before_the_move_migrates_forward_with_its_rows(authority, school):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE_THE_MOVE)
    assert "compliance_monthlyreport" in _tables() and "reports_monthlyreport" not in _tables()
    types_before = {
        schema: _content_type_ids(schema, "compliance")
        for schema in ("public", "school_template", school.schema_name)
    }
    for schema, types in types_before.items():
        assert {m for ms in MOVED.values() for m in ms} <= set(types), schema

    old_apps = executor.loader.project_state(
        [BEFORE_THE_MOVE[0], ("django_celery_beat", "0019_alter_periodictasks_options")]
    ).apps
    _write_rows_as_before(old_apps, authority_id=authority.pk, school_id=school.pk)
    # The rows' deferred foreign-key checks must fire before their tables can be renamed in
    # the same transaction (PostgreSQL refuses to ALTER a table with pending trigger events).
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    ContentType.objects.clear_cache()

    tables = _tables()
    for app, models in MOVED.items():
        for model in models:
            assert f"{app}_{model}" in tables and f"compliance_{model}" not in tables
    report = MonthlyReport.objects.get(authority=authority, month="2026-10")
    assert report.is_published
    entry = MonthlyReportEntry.objects.get(report=report)
    assert (entry.school, entry.category, entry.missing) == (school, "incomplete", 2)
    assert MonthlyReportGeneration.objects.get(report=report).counts == {"schools": 1}
    membership = AuthorityMembership.objects.get(user__username="admin@pgd-cu.vn")
    assert membership.authority == authority and membership.role == "admin"
    assert ReminderPreference.objects.get(email="admin@pgd-cu.vn").weekly_digest is False
    assert ReminderLog.objects.get(school=school).recipients == ["ht@cu.edu.vn"]
    assert DigestLog.objects.get(authority=authority).week == "2026-W44"
    digest = PeriodicTask.objects.get(crontab__hour="7", crontab__day_of_week="1")
    assert (digest.name, digest.task) == (
        "reminders: weekly digest",
        "reminders.digests_send_weekly",
    )

    # content types keep their ids under the new app label, in public and in every school schema
    for schema, types in types_before.items():
        for app, models in MOVED.items():
            moved = _content_type_ids(schema, app)
            assert {m: moved[m] for m in models} == {m: types[m] for m in models}, schema
        left = set(_content_type_ids(schema, "compliance"))
        assert not left & {m for ms in MOVED.values() for m in ms}, schema
    assert (
        ContentType.objects.get_for_model(MonthlyReport).pk
        == types_before["public"]["monthlyreport"]
    )
    # the renamed sequences go on from the old rows' ids
    newer = MonthlyReport.objects.create(
        authority=authority, month="2026-11", generated_at=report.generated_at
    )
    assert newer.pk > report.pk
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_get_serial_sequence('reports_monthlyreport', 'id')")
        assert cursor.fetchone()[0] == "public.reports_monthlyreport_id_seq"
