"""Provisioning a school: the warm pool, the clone path, and django-tenants' standard path
(CREATE SCHEMA + every migration, what TenantMixin.create_schema does without a template)."""

import time
import uuid

from django.core.management import call_command
from django.db import connection
from django_tenants.utils import get_public_schema_name, schema_context

from bench.stats import line, p50
from tenants.models import Authority, School
from tenants.services.pool import pool_fill, schema_drop
from tenants.services.provisioning import school_provision


def _authority() -> Authority:
    authority, _ = Authority.objects.get_or_create(
        code="bench-prov", defaults={"name": "Bench provisioning", "kind": "district"}
    )
    return authority


def _provision_many(count: int, authority: Authority, tag: str) -> list[tuple[float, str]]:
    timings = []
    for _ in range(count):
        suffix = uuid.uuid4().hex[:8]
        started = time.perf_counter()
        created = school_provision(
            authority=authority,
            name=f"Trường Bench {tag} {suffix}",
            levels="primary",
            domain=f"b-{tag}-{suffix}.localhost",
            principal_email=f"ht-{suffix}@bench.edu.vn",
        )
        timings.append((time.perf_counter() - started, created.source))
    return timings


def _standard_path(count: int) -> list[float]:
    timings = []
    for _ in range(count):
        name = f"bench_std_{uuid.uuid4().hex[:8]}"
        started = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute(f'CREATE SCHEMA "{name}"')
        with schema_context(get_public_schema_name()):  # back in public after the migration
            call_command(
                "migrate_schemas",
                schema_name=name,
                tenant=True,
                interactive=False,
                executor="standard",
                verbosity=0,
            )
        timings.append(time.perf_counter() - started)
        schema_drop(name)
    return timings


def _clean(authority: Authority) -> None:
    with schema_context(get_public_schema_name()):
        for school in School.objects.filter(authority=authority):
            schema = school.schema_name
            school.domains.all().delete()
            school.delete()
            schema_drop(schema)


def run(args) -> dict:
    from django.conf import settings

    settings.SCHOOL_SCHEMA_POOL_SIZE = 0  # no refill in the background while timing
    authority = _authority()
    _clean(authority)
    pool_fill(size=0)
    clone = [t for t, _ in _provision_many(args.provision, authority, "clone")]
    pool_fill(size=args.provision)
    pooled = _provision_many(args.provision, authority, "pool")
    assert all(source == "pool" for _, source in pooled), "pool ran dry while timing"
    pooled_t = [t for t, _ in pooled]
    standard = _standard_path(args.standard)
    _clean(authority)
    results = {
        "provision_pool_p50_s": round(p50(pooled_t), 4),
        "provision_clone_p50_s": round(p50(clone), 4),
        "provision_standard_p50_s": round(p50(standard), 3),
        "provision_standard_over_pool": round(p50(standard) / p50(pooled_t), 1),
        "provision_standard_over_clone": round(p50(standard) / p50(clone), 1),
    }
    line(
        f"provision, warm pool (p50 of {len(pooled_t)})",
        f"{p50(pooled_t) * 1000:.0f} ms",
        f"×{results['provision_standard_over_pool']} faster than standard",
    )
    line(
        f"provision, clone of template (p50 of {len(clone)})",
        f"{p50(clone) * 1000:.0f} ms",
        f"×{results['provision_standard_over_clone']} faster than standard",
    )
    line(
        f"standard migrate-on-create (p50 of {len(standard)})",
        f"{p50(standard):.2f} s",
        "baseline",
    )
    return results
