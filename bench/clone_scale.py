"""Clone time against the number of school schemas in the database: the DDL replay
(tenants/services/schema_copy.py) beside django-tenants' PL/pgSQL `clone_schema`, the baseline
it replaced, measured at the same catalogue sizes in the same run; and the pool refill rate.

`bench/run.py --only clone_scale --clone-at 10 200 1000` grows the database to each size
with full copies of the template (plain schemas named `bench_fill_*`, kept between runs, so
a second run starts where the first stopped) and times `--clone-samples` clones of each kind,
each rolled back.
"""

import time
import uuid

from django.db import connection, transaction
from django_tenants.clone import CloneSchema

from bench.stats import line, p50
from tenants.models import PooledSchema
from tenants.services.pool import (
    POOL_WORKERS,
    pool_fill,
    schema_clone_from_template,
    schema_drop,
)
from tenants.services.template import template_schema_name

FILL_PREFIX = "bench_fill_"


def _schema_count() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' "
            "AND nspname NOT IN ('public', 'information_schema')"
        )
        return cursor.fetchone()[0]


def _grow_to(count: int) -> None:
    started, made = time.perf_counter(), 0
    while _schema_count() < count:
        with transaction.atomic():
            schema_clone_from_template(f"{FILL_PREFIX}{uuid.uuid4().hex[:12]}")
        made += 1
        if made % 50 == 0:
            print(f"  … {_schema_count()}/{count} schemas ({time.perf_counter() - started:.0f} s)")


class _Rollback(Exception):
    pass


def _timed_clone(clone) -> float:
    name = f"bench_clone_{uuid.uuid4().hex[:8]}"
    try:
        with transaction.atomic():
            started = time.perf_counter()
            clone(name)
            elapsed = time.perf_counter() - started
            raise _Rollback
    except _Rollback:
        pass
    connection.set_schema_to_public()
    return elapsed


def _old(name: str) -> None:
    CloneSchema().clone_schema(template_schema_name(), name, "DATA")


def run(args) -> dict:
    results: dict = {}
    for size in sorted(args.clone_at):
        _grow_to(size)
        schemas = _schema_count()
        ours = [_timed_clone(schema_clone_from_template) for _ in range(args.clone_samples)]
        stock = [_timed_clone(_old) for _ in range(args.clone_samples)]
        results[f"clone_schemas_at_{size}"] = schemas
        results[f"clone_ddl_p50_ms_at_{size}"] = round(p50(ours) * 1000)
        results[f"clone_stock_p50_ms_at_{size}"] = round(p50(stock) * 1000)
        line(
            f"clone, DDL replay, {schemas} schemas (p50 of {len(ours)})",
            f"{p50(ours) * 1000:.0f} ms",
        )
        line(
            f"clone, django-tenants clone_schema, {schemas} schemas",
            f"{p50(stock) * 1000:.0f} ms",
            f"×{p50(stock) / p50(ours):.1f} slower",
        )
    sizes = sorted(args.clone_at)
    if len(sizes) > 1:
        first, last = sizes[0], sizes[-1]
        growth = results[f"clone_ddl_p50_ms_at_{last}"] / results[f"clone_ddl_p50_ms_at_{first}"]
        stock_growth = (
            results[f"clone_stock_p50_ms_at_{last}"] / results[f"clone_stock_p50_ms_at_{first}"]
        )
        results["clone_ddl_growth"] = round(growth, 2)
        results["clone_stock_growth"] = round(stock_growth, 2)
        line(
            f"clone at {last} / at {first} schemas",
            f"×{growth:.2f}",
            f"goal ≤ 1.5 (django-tenants: ×{stock_growth:.2f})",
        )
    for workers in sorted({1, 2, POOL_WORKERS}):
        started = time.perf_counter()
        added = pool_fill(size=PooledSchema.objects.count() + 2 * workers, workers=workers)
        rate = added / (time.perf_counter() - started)
        results[f"pool_refill_per_s_workers_{workers}"] = round(rate, 2)
        line(f"pool refill, {workers} worker(s) ({added} schemas)", f"{rate:.2f} /s", "goal ≥ 2 /s")
    for entry in PooledSchema.objects.all():
        with transaction.atomic():
            schema_drop(entry.schema_name)
            entry.delete()
    return results
