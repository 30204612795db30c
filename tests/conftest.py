"""The test suite's shared set-up: one template schema and a pool of ready schemas per session.

Every test that asks for `school` gets a school provisioned through the real service inside
the test's transaction. The service claims one of the session's pooled schemas (`ALTER SCHEMA
… RENAME`, what production does while its pool lasts), so the test's rollback hands the
schema back to the pool unchanged and the next test claims it again: no schema is created or
dropped per test, and PostgreSQL's catalogue does not fill with dead rows as the suite runs
(cloning in every test left ~120,000 dead pg_attribute rows and made a clone take 20 s late in
the run). Tests of the clone path ask for `empty_pool` and clone. A test that commits gets
its schools' schemas recycled into the pool after it (tests/schema_recycling.py), not dropped
and copied again.
"""

import pytest

# Enough ready schemas for the tests that provision several schools in one transaction; the
# rest of their schools are cloned. Filled one copy at a time: a copy holds ~2,000 locks until
# it commits, and PostgreSQL's lock table is shared by every database on the server (two
# parallel copies beside other test suites ran out of it: "out of shared memory").
TEST_POOL_SIZE = 4
# Schools a committed test made are recycled into the pool (tests/schema_recycling.py); the
# pool keeps at most this many, so a test that made many schools does not grow it for good.
TEST_POOL_KEPT = 8


def pytest_collection_modifyitems(items):
    """Browser test files first, then the others by number of tests, most first.

    `make test` hands whole files to its processes in collection order (pytest-xdist's
    `--dist loadfile --no-loadscope-reorder`); its own reordering (most tests first) left
    the browser files — few tests, each 10–50 s — for last, so the run ended with one
    process working through them while the other sat idle. Longest first balances it."""
    from collections import Counter

    per_file = Counter(item.nodeid.split("::")[0] for item in items)

    def weight(item):
        path = item.nodeid.split("::")[0]
        return (item.get_closest_marker("browser") is None, -per_file[path], path)

    items.sort(key=weight)  # stable: a file's tests keep their order


# Imports of project code stay inside the fixtures: test folders that need no Django
# (tests/deploy) can then run with `-p no:django`.


@pytest.fixture(scope="session")
def _test_database_copies(django_db_modify_db_settings_parallel_suffix, django_db_blocker, request):
    """When this process has no test database yet: a copy of the one the first process built,
    or, for the first, what leaves its database as that base (tests/database_copies.py).
    None when the database is kept or rebuilt on request (`--create-db`)."""
    if not request.config.getvalue("reuse_db") or request.config.getvalue("create_db"):
        return None
    from django.db import connection

    from tests.database_copies import DatabaseCopies

    copies = DatabaseCopies(connection, connection.creation._get_test_db_name())
    with django_db_blocker.unblock():
        return copies if copies.before_setup() else None


@pytest.fixture(scope="session")
def django_db_modify_db_settings(_test_database_copies):
    """pytest-django's per-process database name, then the copy above, before pytest-django
    looks for the database."""


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, _test_database_copies):
    """After pytest-django has migrated the public schema: build the template and the pool.

    The test database is kept between runs (`--reuse-db` in pyproject.toml): the template and
    the pool are then ready, and the catalogue is vacuumed first, so that the dead rows one
    run leaves (clones rolled back, schemas dropped; autovacuum may be off) never slow the
    next one down.
    """
    from django.db import connection

    from tenants.services.pool import pool_fill
    from tenants.services.template import school_template_ensure

    with django_db_blocker.unblock():
        with connection.cursor() as cursor:
            # The catalogue (schemas dropped, clones rolled back) and the rows that recycled
            # schemas and flushes deleted.
            cursor.execute("VACUUM")
        school_template_ensure()
        _schools_left_dropped()
        pool_fill(size=TEST_POOL_SIZE, workers=1)
        if _test_database_copies is not None:  # the other processes copy this database
            _test_database_copies.after_setup()


def _schools_left_dropped() -> None:
    """Drop the school schemas an interrupted run left (no School row holds them between
    runs): a later test provisioning the same school would find its schema taken."""
    from tenants.models import School
    from tenants.services.pool import schema_drop
    from tenants.services.validation import POOL_PREFIX

    held = set(School.objects.values_list("schema_name", flat=True))
    for name in sorted(_schemas() - held):
        if not name.startswith(POOL_PREFIX):
            schema_drop(name)


# What a flush after a committed test keeps: the session's pool and the template (its School
# row and DDL snapshot) are the suite's set-up, not a test's data.
FLUSH_KEEPS = {"tenants_pooledschema", "tenants_templatesnapshot"}
FLUSH_ONLY = {"tenants_school": "NOT is_template"}


@pytest.fixture(scope="session", autouse=True)
def _flush_by_delete():
    """Empty the public tables after a committed test by DELETE, keeping the suite's set-up.

    pytest-django flushes with Django's TRUNCATE: PostgreSQL gives each of the ~250 tables and
    indexes new files, each index build ending with an fsync (0.4–0.6 s a test). DELETE in one
    transaction, foreign keys checked at its end, takes ~20 ms; the dead rows it leaves are
    vacuumed at the next session's start (`django_db_setup`). The pool's rows and the
    template's stay: pytest-django's live server sets the flush up before `_school_pool_kept`,
    so the flush runs after it and would otherwise undo the pool it gave back.
    """
    from django.db.backends.postgresql.operations import DatabaseOperations

    truncate = DatabaseOperations.sql_flush

    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if reset_sequences or not tables:
            return truncate(
                self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
            )
        deletes = [
            f"DELETE FROM {self.quote_name(table)}"
            + (f" WHERE {FLUSH_ONLY[table]};" if table in FLUSH_ONLY else ";")
            for table in tables
            if table not in FLUSH_KEEPS
        ]
        return ["SET CONSTRAINTS ALL DEFERRED;", *deletes]

    DatabaseOperations.sql_flush = sql_flush
    yield
    DatabaseOperations.sql_flush = truncate


@pytest.fixture(autouse=True)
def _school_pool_kept(request, django_db_blocker):
    """Give the session's pool back after a test that committed (transactional tests).

    pytest-django's flush empties the public tables but the pool's and the template's rows
    (`_flush_by_delete`) and leaves the schemas; it runs before this teardown, or after it when
    the live server set the flush up first. Either way: the pooled schemas the test did not
    claim keep (or get back) their rows, schemas the test pooled itself are dropped, the
    schools it made go back to the pool with the template's rows (tests/schema_recycling.py),
    and copies replace what is still missing.
    """
    if not {"transactional_db", "live_server"} & set(request.fixturenames):
        yield
        return
    from django.db import connection

    from tenants.models import PooledSchema

    request.getfixturevalue("django_db_setup")
    with django_db_blocker.unblock():
        connection.set_schema_to_public()
        kept = dict(PooledSchema.objects.values_list("schema_name", "fingerprint"))
        before = _schemas()
    yield
    from tenants.services.pool import pool_fill, schema_drop
    from tenants.services.template import school_template_ensure, template_schema_name
    from tenants.services.validation import POOL_PREFIX
    from tests.schema_recycling import schema_recycle

    with django_db_blocker.unblock():
        connection.set_schema_to_public()
        school_template_ensure()
        present = _schemas()
        listed = set(PooledSchema.objects.values_list("schema_name", flat=True))
        for name in sorted(present - listed):
            if name in kept:
                PooledSchema.objects.create(schema_name=name, fingerprint=kept[name])
            elif name not in before | {template_schema_name()} and not name.startswith(POOL_PREFIX):
                # A school the test committed: back to the pool while it has room.
                if PooledSchema.objects.count() < TEST_POOL_KEPT:
                    schema_recycle(name)
                else:
                    schema_drop(name)
        # (pooled schemas without a row, which the test pooled itself, are dropped by
        # pool_fill's pool_discard_unfinished)
        pool_fill(size=TEST_POOL_SIZE, workers=1)


def _schemas() -> set[str]:
    """The database's schemas but PostgreSQL's own."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nspname FROM pg_namespace WHERE NOT starts_with(nspname, 'pg_') "
            "AND nspname NOT IN ('public', 'information_schema')"
        )
        return {row[0] for row in cursor.fetchall()}


@pytest.fixture
def empty_pool(request):
    """No pooled schema for this test, so that provisioning clones (inside the test's
    transaction, or given back after a transactional test by `_school_pool_kept`)."""
    from tenants.models import PooledSchema

    committed = {"transactional_db", "live_server"} & set(request.fixturenames)
    request.getfixturevalue("transactional_db" if committed else "db")

    PooledSchema.objects.all().delete()


@pytest.fixture(autouse=True)
def _public_schema_between_tests(request):
    """Each test that uses the database starts and ends in the public schema."""
    if "django_db_setup" not in request.fixturenames:
        yield
        return
    from django.db import connection

    connection.set_schema_to_public()
    yield
    connection.set_schema_to_public()


@pytest.fixture
def authority(db):
    from tests.factories import authority_make

    return authority_make()


@pytest.fixture
def school(authority):
    from tests.factories import school_make

    return school_make(authority=authority)


@pytest.fixture
def host(school):
    """The school's primary host (what a browser sends as Host)."""
    return school.provisioned.domain


@pytest.fixture
def school_admin(school, client):
    """A superuser of the school, logged in on the test client (session in the school schema)."""
    from django.contrib.auth import get_user_model
    from django_tenants.utils import schema_context

    with schema_context(school.schema_name):
        user = get_user_model().objects.create_superuser(
            username="quantri", email="quantri@example.edu.vn", password="x"
        )
        client.force_login(user)
    return user


@pytest.fixture
def committed_schools(transactional_db):
    """Provision schools whose schema is committed (for pg_dump, migrate_schemas…).

    pytest-django empties the public tables after a transactional test but knows nothing of
    schemas: `_school_pool_kept` gives the schemas the test made back to the pool after it.
    """
    from django.db import connection

    from tenants.services.template import school_template_ensure
    from tests.factories import authority_make, school_make

    school_template_ensure()

    def make(**kwargs):
        return school_make(authority=kwargs.pop("authority", None) or authority_make(), **kwargs)

    yield make
    # The flush after the test empties the public tables: in a school's schema it would reach
    # the school's tables (the evidence history refuses it).
    connection.set_schema_to_public()


# Authority portal users and the clock, shared by the tests of every app that reads the stored
# results (portal, reports, reminders, opendata); crafted schools are in tests/crafting.py.


@pytest.fixture
def frozen_now():
    """20/11/2026 10:00 in Vietnam: November is the current month, October is over."""
    import time_machine

    from tests.crafting import local

    with time_machine.travel(local(2026, 11, 20, 10), tick=False):
        yield local(2026, 11, 20, 10)


@pytest.fixture
def portal_user(db):
    from portal.services import authority_user_create
    from tests.crafting import PASSWORD

    def make(authority, role="admin", email=None):
        email = email or f"{role}-{authority.code}@so-gd.edu.vn"
        return authority_user_create(
            authority=authority, email=email, role=role, password=PASSWORD
        ).user

    return make


@pytest.fixture
def portal_client(client, portal_user):
    """A test client logged in on `authority`'s portal host as a user with `role`."""

    def make(authority, role="admin"):
        user = portal_user(authority, role)
        client.defaults["HTTP_HOST"] = authority.portal_domain
        client.force_login(user)
        return client

    return make


def real_worker(**extra_env):
    """A real Celery worker process on the test database and the test broker (emptied first),
    with `extra_env` added (e.g. `PORTAL_IMPORT_CHUNK_SIZE`, `TEST_EMAIL_PORT`); a generator
    for fixtures to `yield from`, stopping the worker after the test."""
    import subprocess

    import redis
    from django.conf import settings
    from django.db import connection

    from schoolhost.worker_process import celery_worker_start, celery_worker_stop

    database = {k: v or "" for k, v in connection.settings_dict.items()}
    env = {
        "DJANGO_SETTINGS_MODULE": "schoolhost.settings.test",
        "DATABASE_URL": "postgres://{USER}@{HOST}:{PORT}/{NAME}".format(**database),
        "TEST_CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
        "CACHE_KEY_PREFIX": settings.CACHES["default"]["KEY_PREFIX"],
        "PYTEST_XDIST_WORKER": "",  # the values above are this process's already
        **extra_env,
    }
    redis.Redis.from_url(settings.CELERY_BROKER_URL).flushdb()
    process = celery_worker_start(env=env, output=subprocess.PIPE)
    yield process
    celery_worker_stop(process)


@pytest.fixture
def celery_worker_process(transactional_db):
    """A real worker for the tests that claim the pipeline (publish → task → stored result)."""
    yield from real_worker()


def celery_queue_key() -> str:
    """Celery's default queue as a Redis key, under the broker's key prefix when one is set
    (`CELERY_BROKER_KEY_PREFIX`: environments sharing a Redis database)."""
    from django.conf import settings

    options = getattr(settings, "CELERY_BROKER_TRANSPORT_OPTIONS", {}) or {}
    return f"{options.get('global_keyprefix', '')}celery"
