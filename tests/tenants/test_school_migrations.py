"""Migrations across schools in parallel (tenants/services/school_migrations.py, the
`migrate_schools` command): each school in one transaction, resumable after a kill, a failing
school reported while the others go on. The migration is a real one (bench.migration_probe: a
column with a default on the page table, then an index on it), taken back and re-applied on
committed schools."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg2
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django_tenants.utils import schema_context

from tenants.services.school_migrations import migration_route, schools_behind, schools_migrate
from tenants.services.template import template_schema_name

ROOT = Path(__file__).resolve().parents[2]
PROBE = "migration_probe"


def _state(schema: str) -> tuple[bool, bool, int]:
    """(column present, index present, probe migrations recorded) in a school's schema."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM information_schema.columns WHERE table_schema = %s "
            "AND table_name = 'wagtailcore_page' AND column_name = 'probe_rank'",
            [schema],
        )
        column = cursor.fetchone()[0] == 1
        cursor.execute(
            "SELECT count(*) FROM pg_indexes WHERE schemaname = %s "
            "AND indexname = 'wagtailcore_page_probe_rank_idx'",
            [schema],
        )
        index = cursor.fetchone()[0] == 1
        cursor.execute(f'SELECT count(*) FROM "{schema}".django_migrations WHERE app = %s', [PROBE])
        recorded = cursor.fetchone()[0]
    return column, index, recorded


def _schools_without_probe(committed_schools, count: int) -> list[str]:
    names = sorted(committed_schools(name=f"THCS Di Trú {n}").schema_name for n in range(count))
    assert all(_state(name) == (True, True, 2) for name in names)  # cloned from the template
    run = schools_migrate(schemas=names, targets=[(PROBE, None)], workers=1, refill_pool=False)
    assert not run.failed and len(run.migrated) == count
    assert all(_state(name) == (False, False, 0) for name in names)
    assert schools_behind(schemas=names) == names
    return names


def test_a_killed_run_leaves_no_school_half_migrated_and_the_rerun_finishes(committed_schools):
    names = _schools_without_probe(committed_schools, 4)
    db = connection.settings_dict
    blocker = psycopg2.connect(
        host=db["HOST"],
        port=db["PORT"],
        user=db["USER"],
        password=db["PASSWORD"],
        dbname=db["NAME"],
    )
    try:
        # The third school's page table is locked, so the run stops inside that school's
        # transaction, after two schools, when it is killed.
        with blocker.cursor() as cursor:
            cursor.execute(f'LOCK TABLE "{names[2]}".wagtailcore_page IN ACCESS EXCLUSIVE MODE')
        command = [sys.executable, "manage.py", "migrate_schools", "--workers", "1"]
        command += ["--no-pool-refill", *(arg for name in names for arg in ("--schema", name))]
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "schoolhost.settings.test",
            "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        }
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        seen = []
        deadline = time.monotonic() + 180
        for line in process.stdout:
            seen.append(line)
            if " 2/4 " in line or time.monotonic() > deadline:
                break
        assert any(" 2/4 " in line for line in seen), "".join(seen)
        time.sleep(1)  # well inside the third school by now, waiting for its lock
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        with blocker.cursor() as cursor:  # the killed run's server process, still waiting
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE NOT granted "
                "AND relation = %s::regclass",
                [f'"{names[2]}".wagtailcore_page'],
            )
        blocker.rollback()
    finally:
        blocker.close()
    states = [_state(name) for name in names]
    assert states[:2] == [(True, True, 2)] * 2
    assert (
        states[2:] == [(False, False, 0)] * 2
    )  # the third rolled back whole, the fourth untouched
    assert schools_behind(schemas=names) == names[2:]

    lines = []
    run = schools_migrate(schemas=names, workers=2, refill_pool=False, progress=lines.append)
    assert run.total == 2 and not run.failed and len(run.migrated) == 2
    assert [step.done for step in lines] == [1, 2] and lines[-1].eta == 0
    assert all(_state(name) == (True, True, 2) for name in names)
    assert schools_behind(schemas=names) == []


def test_a_failing_school_is_reported_and_the_others_are_migrated(committed_schools, capsys):
    names = _schools_without_probe(committed_schools, 3)
    with connection.cursor() as cursor:  # the column the migration adds is already there
        cursor.execute(f'ALTER TABLE "{names[1]}".wagtailcore_page ADD COLUMN probe_rank text')
    with pytest.raises(CommandError, match="1 trường chưa được migration"):
        call_command(
            "migrate_schools",
            "--workers",
            "2",
            "--no-pool-refill",
            *sum((["--schema", name] for name in names), []),
        )
    out, err = capsys.readouterr()
    assert "2 trường đã áp dụng migration" in out and "1 trường lỗi" in out
    assert f'{names[1]}: ProgrammingError: column "probe_rank"' in err
    assert _state(names[0]) == _state(names[2]) == (True, True, 2)
    column, index, recorded = _state(names[1])
    assert (index, recorded) == (False, 0)  # its own text column is left as it was
    assert schools_behind(schemas=names) == [names[1]]


def test_a_plan_of_sql_steps_is_replayed_as_one_script_and_a_backward_one_is_not(
    committed_schools,
):
    (name,) = _schools_without_probe(committed_schools, 1)
    with schema_context(name):
        forward = migration_route(None)
    assert [migration.name for migration, _ in forward.plan] == [
        "0001_page_probe_column",
        "0002_page_probe_index",
    ]
    assert "ADD COLUMN probe_rank" in forward.script
    assert "CREATE INDEX wagtailcore_page_probe_rank_idx" in forward.script
    with schema_context(template_schema_name()):
        backward = migration_route([(PROBE, None)])
    assert len(backward.plan) == 2 and backward.script is None  # Django's executor runs it

    run = schools_migrate(schemas=[name], workers=1, refill_pool=False)
    assert len(run.migrated) == 1 and _state(name) == (True, True, 2)


def test_bad_worker_count_is_refused_in_vietnamese(db):
    with pytest.raises(CommandError, match="--workers phải là số nguyên dương"):
        call_command("migrate_schools", "--workers", "0")


def test_a_public_app_migration_is_only_recorded_in_a_school(committed_schools):
    """A school behind on the probe and at the release before compliance 0010 (a new public
    table): its plan is one script, which adds the probe's column and index and records 0010
    without creating the public table in the school."""
    (name,) = _schools_without_probe(committed_schools, 1)
    with connection.cursor() as cursor:
        cursor.execute(
            f'DELETE FROM "{name}".django_migrations WHERE app = %s AND name = %s',
            ["compliance", "0010_week_tallies"],
        )
    with schema_context(name):
        route = migration_route(None)
    assert [(m.app_label, m.name) for m, _ in route.plan] == [
        ("compliance", "0010_week_tallies"),
        (PROBE, "0001_page_probe_column"),
        (PROBE, "0002_page_probe_index"),
    ]
    assert route.script is not None and "CREATE TABLE" not in route.script

    run = schools_migrate(schemas=[name], workers=1, refill_pool=False)
    assert len(run.migrated) == 1 and not run.failed and _state(name) == (True, True, 2)
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass(%s)", [f'"{name}".compliance_weektally'])
        assert cursor.fetchone()[0] is None
        cursor.execute(
            f'SELECT count(*) FROM "{name}".django_migrations WHERE app = %s AND name = %s',
            ["compliance", "0010_week_tallies"],
        )
        assert cursor.fetchone()[0] == 1
