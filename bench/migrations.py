"""`migrate_schemas` with nothing to apply over N school schemas: this project's executor
(skips current schemas) against django-tenants' stock executor on a sample, per schema."""

import io
import time
import uuid
from contextlib import redirect_stdout

from django.core.management import call_command
from django.db import transaction
from django_tenants.utils import get_public_schema_name, schema_context

from bench.schools import light_schema_create
from bench.stats import line
from tenants.models import Authority, School
from tenants.services.pool import pool_fill


def _ensure_schools(count: int, real: int) -> list[str]:
    """Bring the bench authority to `count` school schemas, the first `real` of them full
    clones of the template (made once, kept between runs), the rest light schemas
    (bench/schools.py): the no-op check reads only `django_migrations`, and full clones of
    all of them would make the first run long."""
    authority, _ = Authority.objects.get_or_create(
        code="bench-scale", defaults={"name": "Bench scale", "kind": "province"}
    )
    have = School.objects.filter(authority=authority).count()
    started = time.perf_counter()
    from tenants.services.pool import schema_clone_from_template

    for index in range(have, count):
        name = f"bench_s{index:05d}_{uuid.uuid4().hex[:4]}"
        with transaction.atomic():
            if index < real:
                schema_clone_from_template(name)
            else:
                light_schema_create(name)
            School.objects.create(
                schema_name=name,
                name=f"Trường {index}",
                code=name.replace("_", "-"),
                levels=["primary"],
                authority=authority,
            )
        if (index + 1) % 100 == 0:
            print(
                f"  … {index + 1}/{count} schemas cloned ({time.perf_counter() - started:.0f} s)",
                flush=True,
            )
    schools = School.objects.filter(authority=authority).order_by("schema_name")
    return list(schools.values_list("schema_name", flat=True))


def run(args) -> dict:
    pool_fill(size=0)
    schemas = _ensure_schools(args.schools, args.real)
    total = School.objects.count()
    started = time.perf_counter()
    with redirect_stdout(io.StringIO()) as out:
        call_command("migrate_schemas", tenant=True, interactive=False, verbosity=1)
    ours = time.perf_counter() - started
    assert "0 to migrate" in out.getvalue(), out.getvalue()[-500:]
    sample = schemas[: min(args.stock_sample, args.real)]  # full clones only
    started = time.perf_counter()
    with redirect_stdout(io.StringIO()):
        from django.core.management import load_command_class
        from django_tenants.migration_executors.standard import StandardExecutor

        command = load_command_class("django_tenants", "migrate_schemas")
        parser = command.create_parser("manage.py", "migrate_schemas")
        options = vars(parser.parse_args(["--tenant", "--noinput", "-v", "0"]))
        StandardExecutor((), options).run_migrations(tenants=list(sample))
    stock_each = (time.perf_counter() - started) / len(sample)
    with schema_context(get_public_schema_name()):
        stock_total = stock_each * total
        results = {
            "migrate_noop_schools": total,
            "migrate_noop_skip_current_s": round(ours, 2),
            "migrate_noop_stock_per_schema_s": round(stock_each, 3),
            "migrate_noop_stock_extrapolated_s": round(stock_total, 1),
            "migrate_noop_stock_over_ours": round(stock_total / ours, 1),
        }
        line(
            f"migrate_schemas no-op, {total} schemas (ours)",
            f"{ours:.2f} s",
            f"target ≤ 30 s ({min(args.real, len(schemas))} full clones, the rest migration tables only)",
        )
        line(f"stock executor, per schema (sample of {len(sample)})", f"{stock_each * 1000:.0f} ms")
        line(
            f"stock executor, {total} schemas (extrapolated)",
            f"{stock_total:.0f} s",
            f"×{results['migrate_noop_stock_over_ours']} slower",
        )
        return results
