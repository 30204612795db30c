"""A few schemas cloned ahead of time, so that creating a school is a rename, not a copy.

Cloning the template takes ~0.7 s; `ALTER SCHEMA … RENAME` takes a millisecond. Pooled
schemas are not schools (no School row), so `migrate_schemas` does not touch them: each one
records the template fingerprint it was cloned from, and one that no longer matches is dropped
rather than handed out.
"""

import uuid
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from django.db import connection, transaction
from django_tenants.utils import get_public_schema_name, schema_context

from tenants.models import PooledSchema
from tenants.services.schema_copy import schema_copy, schema_copy_in_steps
from tenants.services.template import (
    template_assert_ready,
    template_ddl,
    template_fingerprint,
    template_schema_name,
)
from tenants.services.validation import POOL_PREFIX


def schema_clone_from_template(schema_name: str) -> None:
    """Copy the template (tables and rows) into a new schema, inside the caller's transaction.

    Raises TemplateNotReady (nothing created) when the template lacks a migration on disk.
    The cost does not grow with the number of schools (`tenants.services.schema_copy`).
    """
    with schema_context(get_public_schema_name()):
        template_assert_ready()
        schema_copy(ddl=template_ddl(), source=template_schema_name(), target=schema_name)


def schema_drop(schema_name: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DROP SCHEMA IF EXISTS {connection.ops.quote_name(schema_name)} CASCADE")


def pool_discard_stale(*, fingerprint: str | None = None) -> int:
    """Drop pooled schemas cloned from an older template; returns how many."""
    fingerprint = fingerprint or template_fingerprint()
    dropped = 0
    for entry in PooledSchema.objects.exclude(fingerprint=fingerprint):
        with transaction.atomic():
            schema_drop(entry.schema_name)
            entry.delete()
        dropped += 1
    return dropped


POOL_LOCK = 7_412_001  # advisory lock key: one pool filler at a time, across processes
# A copy spends most of its time waiting for the disk (PostgreSQL 15 ends every B-tree build
# with an fsync, ~280 per school; the backend's own CPU is ~0.3 s of a 1–3 s copy): copies on
# several connections overlap those waits. A pool copy commits in steps
# (`schema_copy_in_steps`), so each transaction holds a few hundred locks, not ~2,000, and
# four copies fit in PostgreSQL's shared lock table beside other work.
POOL_WORKERS = 4


def pool_fill(*, size: int | None = None, workers: int = POOL_WORKERS) -> int:
    """Top the pool up to `size` ready schemas (default SCHOOL_SCHEMA_POOL_SIZE); returns added.

    Refills are queued after every provisioning, so several may run at once; only the one
    holding the advisory lock works, the others return 0 at once. `workers` copies run at once,
    each on its own connection. Outside a transaction each copy commits in steps and its pool
    row is written last, so a schema is claimable only once complete; inside one (a test) the
    copies are made one by one in the caller's transaction.
    """
    size = settings.SCHOOL_SCHEMA_POOL_SIZE if size is None else size
    with schema_context(get_public_schema_name()):
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [POOL_LOCK])
            if not cursor.fetchone()[0]:
                return 0
        try:
            return _pool_fill_locked(size, workers)
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [POOL_LOCK])


def _pool_fill_locked(size: int, workers: int) -> int:
    fingerprint = template_fingerprint()
    pool_discard_stale(fingerprint=fingerprint)
    if not connection.in_atomic_block:
        pool_discard_unfinished()
    missing = size - PooledSchema.objects.count()
    if missing <= 0:
        return 0
    template_ddl()  # captured (or read) once, before the workers need it
    if workers <= 1 or missing == 1 or connection.in_atomic_block:
        for _ in range(missing):
            _pool_add(fingerprint)
        return missing
    with ThreadPoolExecutor(max_workers=min(workers, missing)) as executor:
        list(executor.map(_pool_add_in_thread, [fingerprint] * missing))
    return missing


def pool_discard_unfinished() -> int:
    """Drop `pool_` schemas without a pool row: copies cut short (a killed worker, a crash).

    Only called by the filler holding the pool lock, so no copy is in progress; a schema
    being claimed still has its row (deleted in the claiming transaction). Returns how many.
    """
    listed = set(PooledSchema.objects.values_list("schema_name", flat=True))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nspname FROM pg_namespace WHERE starts_with(nspname, %s)", [POOL_PREFIX]
        )
        unfinished = sorted({row[0] for row in cursor.fetchall()} - listed)
    for name in unfinished:
        schema_drop(name)
    return len(unfinished)


def _pool_add(fingerprint: str) -> None:
    schema_name = f"{POOL_PREFIX}{uuid.uuid4().hex[:16]}"
    if connection.in_atomic_block:
        with transaction.atomic():
            schema_clone_from_template(schema_name)
            PooledSchema.objects.create(schema_name=schema_name, fingerprint=fingerprint)
        return
    with schema_context(get_public_schema_name()):
        template_assert_ready()
        try:
            schema_copy_in_steps(
                ddl=template_ddl(), source=template_schema_name(), target=schema_name
            )
            PooledSchema.objects.create(schema_name=schema_name, fingerprint=fingerprint)
        except BaseException:
            schema_drop(schema_name)  # each step rolled back on its own; drop what committed
            raise


def _pool_add_in_thread(fingerprint: str) -> None:
    try:
        _pool_add(fingerprint)
    finally:
        connection.close()  # this thread's own connection (Django's are per thread)


def pool_claim(*, schema_name: str) -> bool:
    """Rename a fresh pooled schema to `schema_name`; False when none is ready.

    Must run inside the provisioning transaction: if provisioning fails, the rename and the
    pool row's deletion roll back with it and the schema goes back to the pool.
    """
    fingerprint = template_fingerprint()
    entry = (
        PooledSchema.objects.select_for_update(skip_locked=True)
        .filter(fingerprint=fingerprint)
        .first()
    )
    if entry is None:
        return False
    with connection.cursor() as cursor:
        cursor.execute(
            f"ALTER SCHEMA {connection.ops.quote_name(entry.schema_name)} "
            f"RENAME TO {connection.ops.quote_name(schema_name)}"
        )
    entry.delete()
    return True
