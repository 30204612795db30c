"""Which school schemas lack migrations, answered from their `django_migrations` tables.

Reading the recorded migrations of a hundred schemas is one SQL query; building Django's
migration state for each of them (what `migrate` does even when nothing is to apply) costs
0.2–0.3 s per schema. Everything that needs to know "is this schema current?" asks here.
"""

import hashlib
from collections.abc import Iterable
from functools import lru_cache

from django.conf import settings
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django_tenants.utils import app_labels

BATCH = 200


@lru_cache(maxsize=1)
def tenant_migration_targets() -> tuple[frozenset, dict]:
    """The migrations on disk for tenant apps, and what each squashed migration replaces."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    labels = set(app_labels(settings.TENANT_APPS))
    targets = frozenset(key for key in loader.graph.nodes if key[0] in labels)
    replaces = {
        key: frozenset(migration.replaces)
        for key, migration in loader.disk_migrations.items()
        if key in targets and migration.replaces
    }
    return targets, replaces


def recorded_migrations(schema_names: Iterable[str]) -> dict[str, set]:
    """`{schema: {(app, name), …}}`, read in batches with one query each."""
    names = list(schema_names)
    recorded: dict[str, set] = {name: set() for name in names}
    with connection.cursor() as cursor:
        # A schema without a migrations table (just created, or gone) has recorded nothing.
        cursor.execute(
            "SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE c.relname = 'django_migrations' AND c.relkind = 'r' AND n.nspname = ANY(%s)",
            [names],
        )
        present = {row[0] for row in cursor.fetchall()}
        with_table = [name for name in names if name in present]
        for start in range(0, len(with_table), BATCH):
            batch = with_table[start : start + BATCH]
            selects = [
                f"SELECT %s, app, name FROM {connection.ops.quote_name(name)}.django_migrations"
                for name in batch
            ]
            cursor.execute(" UNION ALL ".join(selects), batch)
            for schema, app, name in cursor.fetchall():
                recorded[schema].add((app, name))
    return recorded


def is_current(recorded: set) -> bool:
    """Every tenant migration on disk is recorded (a squash counts via what it replaces)."""
    targets, replaces = tenant_migration_targets()
    for key in targets:
        if key in recorded:
            continue
        if key in replaces and replaces[key] <= recorded:
            continue
        return False
    return True


def schemas_behind(schema_names: Iterable[str]) -> list[str]:
    """The schemas, in the given order, that have at least one tenant migration to apply."""
    names = list(schema_names)
    recorded = recorded_migrations(names)
    return [name for name in names if not is_current(recorded[name])]


def migration_fingerprint(schema_name: str) -> str:
    """A short digest of what is recorded as applied in a schema (to spot stale clones)."""
    applied = sorted(recorded_migrations([schema_name])[schema_name])
    return hashlib.sha256(repr(applied).encode()).hexdigest()[:32]
