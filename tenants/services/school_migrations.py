"""Tenant migrations across thousands of school schemas, in parallel (`manage.py migrate_schools`).

`migrate_schemas` runs the schools one after another in one process; at a province's ~3,000
schools a migration that changes tables takes far longer than a maintenance window. Here:

- the template is migrated first (provisioning refuses a template behind the migrations, so
  new schools are blocked only while it migrates), then the schools that are behind, on
  `workers` processes, each school in **one transaction** (its migrations and their
  `django_migrations` rows commit together or not at all);
- a re-run after a kill (or a crash, a power cut) finds the schools still behind from their
  `django_migrations` tables and finishes them: no school is ever half-migrated;
- a school that fails is rolled back and reported with its error; the others continue;
- each process works out once per starting point (the migrations a school has) what to do,
  and repeats it for every school that starts there: a plan made only of operations that
  write SQL (columns, indexes, constraints, RunSQL — `REPLAYABLE`) becomes one SQL script,
  captured with Django's own `collect_sql` (what `sqlmigrate` prints) and replayed in each
  school with its `django_migrations` rows; any other plan (RunPython, new or removed models,
  whose content types and permissions the post-migrate signal writes) runs Django's executor
  in each school, from a migration state rendered once per process;
- the pool of ready schemas is emptied of clones of the old template and refilled after.

Migrations that cannot run in a transaction (`atomic = False`, e.g. CREATE INDEX
CONCURRENTLY) must not be applied this way: they raise in every school and are reported.
"""

import multiprocessing
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import connection, connections, router, transaction
from django.db.migrations import operations
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.state import ProjectState
from django.utils import timezone
from django_tenants.utils import get_public_schema_name, schema_context

from tenants.models import School
from tenants.services.migration_state import recorded_migrations, schemas_behind

Target = tuple[str, str | None]


@dataclass(frozen=True)
class SchoolMigrated:
    """One school's outcome: `applied` migrations (0 when already current), or `error`."""

    schema_name: str
    applied: int
    seconds: float
    error: str = ""

    @property
    def ok(self) -> bool:
        return not self.error


@dataclass
class MigrationRun:
    """What a run did: the schools migrated, failed, and how long it took (seconds)."""

    total: int
    results: list[SchoolMigrated] = field(default_factory=list)
    seconds: float = 0.0
    template_migrated: bool = False
    pool_refilled: int = 0

    @property
    def failed(self) -> list[SchoolMigrated]:
        return [result for result in self.results if not result.ok]

    @property
    def migrated(self) -> list[SchoolMigrated]:
        return [result for result in self.results if result.ok and result.applied]


@dataclass(frozen=True)
class Progress:
    """Passed to the progress callback after each school: counts, rate (schools/s), ETA (s)."""

    done: int
    total: int
    failed: int
    elapsed: float

    @property
    def rate(self) -> float:
        return self.done / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def eta(self) -> float | None:
        return (self.total - self.done) / self.rate if self.rate else None


def schools_behind(*, schemas: Sequence[str] | None = None) -> list[str]:
    """The school schemas (not the template) with a tenant migration to apply, by name."""
    names = schemas
    if names is None:
        names = School.objects.real().order_by("schema_name").values_list("schema_name", flat=True)
    return schemas_behind(list(names))


def schools_migrate(
    *,
    workers: int = 2,
    schemas: Sequence[str] | None = None,
    targets: Sequence[Target] | None = None,
    progress: Callable[[Progress], None] | None = None,
    refill_pool: bool = True,
) -> MigrationRun:
    """Migrate the template, then every school behind (or those of `schemas` with work to do).

    `targets` are Django migration targets (`[("app", "0002_x")]`, `("app", None)` for zero);
    by default every app's latest migration. Without targets only schools behind are visited;
    with targets every listed (or real) school is. Returns a MigrationRun; never raises for a
    school's error (see `.failed`).
    """
    started = time.perf_counter()
    with schema_context(get_public_schema_name()):
        return _schools_migrate(schemas, workers, targets, progress, refill_pool, started)


def _schools_migrate(schemas, workers, targets, progress, refill_pool, started) -> MigrationRun:
    from tenants.services.pool import pool_discard_stale, pool_fill
    from tenants.services.template import school_template_ensure, template_schema_name

    template = template_schema_name()
    run = MigrationRun(total=0)
    if targets is None:
        todo = schools_behind(schemas=schemas)
        if schemas_behind([template]):
            school_template_ensure()
            run.template_migrated = True
    else:
        todo = (
            list(schemas)
            if schemas is not None
            else list(
                School.objects.real().order_by("schema_name").values_list("schema_name", flat=True)
            )
        )
        todo = [template, *todo] if schemas is None else todo
    run.total = len(todo)
    if todo:
        run.results = _migrate_in_parallel(todo, workers, targets, progress, started)
    if refill_pool and (run.template_migrated or run.migrated):
        school_template_ensure()  # the DDL snapshot of the new template
        pool_discard_stale()
        run.pool_refilled = pool_fill()
    run.seconds = time.perf_counter() - started
    return run


def _migrate_in_parallel(todo, workers, targets, progress, started) -> list[SchoolMigrated]:
    results: list[SchoolMigrated] = []
    failed = 0

    def report(result: SchoolMigrated) -> None:
        nonlocal failed
        results.append(result)
        failed += 0 if result.ok else 1
        if progress:
            progress(Progress(len(results), len(todo), failed, time.perf_counter() - started))

    if workers <= 1:
        for schema_name in todo:
            report(school_migrate(schema_name, targets=targets))
        return results
    # Each process opens its own connection: none may be inherited across the fork.
    connections.close_all()
    context = multiprocessing.get_context("fork")
    with context.Pool(processes=min(workers, len(todo))) as pool:
        jobs = [(schema_name, targets) for schema_name in todo]
        for result in pool.imap_unordered(_school_migrate_job, jobs):
            report(result)
    return results


def _school_migrate_job(job) -> SchoolMigrated:
    schema_name, targets = job
    return school_migrate(schema_name, targets=targets)


# Operations whose whole effect on a school is the SQL they write (no Python run, no model
# created or removed: the post-migrate signal has nothing to add for them).
REPLAYABLE = (
    operations.AddField,
    operations.AlterField,
    operations.RemoveField,
    operations.RenameField,
    operations.AddIndex,
    operations.RemoveIndex,
    operations.RenameIndex,
    operations.AddConstraint,
    operations.RemoveConstraint,
    operations.AlterUniqueTogether,
    operations.AlterModelOptions,
    operations.AlterModelManagers,
    operations.RunSQL,
)


@dataclass(frozen=True)
class MigrationRoute:
    """What every school at one starting point does: the migration targets it goes to, its plan
    (Migration, backwards) pairs and, when the plan can be written as SQL, the script replayed
    in each school."""

    goal: list
    plan: list
    script: str | None


# Per process, by starting point (applied migrations, targets).
_routes: dict[tuple, MigrationRoute] = {}
_states: dict[tuple, ProjectState] = {}


def school_migrate(schema_name: str, *, targets: Sequence[Target] | None = None) -> SchoolMigrated:
    """Apply one school's pending migrations (or reach `targets`) in one transaction.

    Returns SchoolMigrated; an exception inside the school rolls the whole school back and is
    returned as its `error`.
    """
    started = time.perf_counter()
    try:
        with _school_schema_only(schema_name), transaction.atomic():
            # Read straight from the school's table: Django's MigrationRecorder first lists every
            # table on the search path to know that it exists, a scan of the whole catalogue
            # (~1 s a school at 3,000 schools).
            applied = frozenset(recorded_migrations([schema_name])[schema_name])
            key = (applied, tuple(targets) if targets else None)
            if key not in _routes:
                _routes[key] = migration_route(targets)
            route = _routes[key]
            if route.plan and route.script is not None:
                _replay(route)
            elif route.plan:
                _execute(route, state_key=key)
        return SchoolMigrated(schema_name, len(route.plan), time.perf_counter() - started)
    except Exception as error:  # noqa: BLE001 — reported, the other schools continue
        message = str(error).strip().splitlines()[0] if str(error).strip() else repr(error)
        return SchoolMigrated(
            schema_name, 0, time.perf_counter() - started, f"{type(error).__name__}: {message}"
        )


def migration_route(targets: Sequence[Target] | None) -> MigrationRoute:
    """The plan from the current school's migrations to `targets` (default: every app's
    latest), and its SQL script when every step is replayable, forwards and atomic.

    A migration of an app that lives only in the public schema (compliance, reports, …) is
    recorded in every school, as `migrate_schemas` does, but writes nothing there (the tenant
    router refuses its operations); it is replayable whatever its operations, so one new
    public table no longer sends every school through Django's executor (~1 s a school at
    3,000 schools, issue 15)."""
    executor = MigrationExecutor(connection)
    goal = list(targets) if targets else executor.loader.graph.leaf_nodes()
    plan = executor.migration_plan(goal)
    replayable = all(
        not backwards
        and migration.atomic
        and (
            not router.allow_migrate(connection.alias, migration.app_label)
            or all(isinstance(operation, REPLAYABLE) for operation in migration.operations)
        )
        for migration, backwards in plan
    )
    script = "\n".join(executor.loader.collect_sql(plan)) if plan and replayable else None
    return MigrationRoute(goal=goal, plan=plan, script=script)


def _replay(route: MigrationRoute) -> None:
    """Run the route's SQL in the current school and record its migrations as applied (rows
    written directly: Django's MigrationRecorder would scan the catalogue first)."""
    now = timezone.now()
    recorded = [
        (app_label, name, now)
        for migration, _ in route.plan
        for app_label, name in migration.replaces or [(migration.app_label, migration.name)]
    ]
    with connection.cursor() as cursor:
        cursor.execute(route.script)
        cursor.executemany(
            "INSERT INTO django_migrations (app, name, applied) VALUES (%s, %s, %s)", recorded
        )


def _execute(route: MigrationRoute, *, state_key: tuple) -> None:
    """Django's executor in the current school, with the migration state at the starting
    point (`state_key`) rendered once per process and cloned (rendering is most of its cost)."""
    from django.core.management.sql import emit_post_migrate_signal, emit_pre_migrate_signal

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(route.goal)
    emit_pre_migrate_signal(0, False, connection.alias, plan=plan)
    state = None
    if all(not backwards for _, backwards in plan):
        if state_key not in _states:
            base = executor._create_project_state(with_applied_migrations=True)
            _ = base.apps  # rendered once, cloned for each school
            _states[state_key] = base
        state = _states[state_key].clone()
    post_state = executor.migrate(route.goal, plan=plan, state=state)
    emit_post_migrate_signal(0, False, connection.alias, apps=post_state.apps, plan=plan)


@contextmanager
def _school_schema_only(schema_name: str) -> Iterator[None]:
    """The school's schema alone on the search path (django-tenants' `schema_context` always
    appends public, where a migration's unqualified CREATE could land), restoring the previous
    schema after, as `schema_context` does."""
    previous = connection.tenant
    connection.set_schema(schema_name, include_public=False)
    try:
        yield
    finally:
        connection.set_tenant(previous)
