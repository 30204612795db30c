"""The bench's helpers at a small size: a kept bench database stays usable run after run
(bench/schools.py), suites run twice on it, and the bench has its own broker namespace."""

import argparse
import os

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.exceptions import MigrationSchemaMissing

from bench import migrations as migrations_suite
from bench.run import bench_environment
from bench.schools import schools_repair
from tenants.models import School
from tests.factories import authority_make

pytestmark = pytest.mark.django_db


def test_a_school_row_without_its_schema_is_repaired_and_migrate_schemas_passes(capsys):
    # What a stopped bench run or the old dashboard suite left behind: a row, no schema.
    School.objects.create(
        schema_name="bench_gone_0001",
        name="Trường không còn schema",
        code="bench-gone-0001",
        levels=["primary"],
        authority=authority_make(),
    )
    with pytest.raises(MigrationSchemaMissing):
        call_command("migrate_schemas", tenant=True, interactive=False, verbosity=0)
    assert schools_repair() == {"schema_created": 1, "light_topped_up": 0, "full_migrated": 0}
    call_command("migrate_schemas", tenant=True, interactive=False, verbosity=1)
    assert "0 to migrate" in capsys.readouterr().out
    # A light schema behind the template (a migration added since) gets the template's rows.
    with connection.cursor() as cursor:
        cursor.execute(
            "DELETE FROM bench_gone_0001.django_migrations WHERE app = 'migration_probe'"
        )
    assert schools_repair()["light_topped_up"] == 1
    assert schools_repair() == {"schema_created": 0, "light_topped_up": 0, "full_migrated": 0}


def test_the_migrations_suite_runs_twice_on_the_same_database():
    args = argparse.Namespace(schools=3, real=1, stock_sample=1)
    first = migrations_suite.run(args)
    second = migrations_suite.run(args)
    assert first["migrate_noop_schools"] == second["migrate_noop_schools"]
    assert School.objects.filter(authority__code="bench-scale").count() == 3


def test_each_bench_database_has_its_own_broker_namespace(monkeypatch):
    monkeypatch.setenv("SCHOOLHOST_DB_NAME", "schoolhost_x_bench")
    first = bench_environment()
    monkeypatch.setenv("SCHOOLHOST_DB_NAME", "schoolhost_y_bench")
    second = bench_environment()
    assert first["CELERY_BROKER_KEY_PREFIX"] != second["CELERY_BROKER_KEY_PREFIX"]
    assert first["DATABASE_URL"].endswith("/schoolhost_x_bench")
    assert first["DJANGO_SETTINGS_MODULE"] == "bench.settings"
    assert "DATABASE_URL" in os.environ  # the test process's own settings are untouched


def test_the_scale_bench_says_which_goals_are_met():
    from bench.scale import Goals

    goals = Goals()
    assert goals.check("dashboard", True, "≤ 300 ms") == "goal ≤ 300 ms: met"
    assert goals.check("monthly report", False, "≤ 10 s") == "goal ≤ 10 s: NOT MET"
    assert goals.summary() == "goals met: 1 of 2; not met: monthly report"
