"""Bench databases kept between runs stay consistent: every School row has its schema.

Some suites make schools that need no Wagtail site (the dashboard reads only stored results,
the no-op migration check reads only `django_migrations`): those get a *light* schema, the
template's `django_migrations` table and nothing else. `schools_repair` runs before the suites:

- a School row whose schema is gone (a run stopped between the row and its schema, a schema
  dropped by hand) gets a light schema: `migrate_schemas` would stop on it
  (`MigrationSchemaMissing`) and every later suite with it;
- a light schema lacking migrations the template has gets their rows (it has no tables for
  them to change);
- a full school behind the template is migrated (tenants/services/school_migrations.py), so
  "nothing to apply" stays true across code changes.
"""

from django.conf import settings
from django.db import connection, transaction

from tenants.models import School
from tenants.services.migration_state import schemas_behind


def light_schema_create(name: str) -> None:
    """A schema holding only a copy of the template's `django_migrations` (in the caller's
    transaction)."""
    template = connection.ops.quote_name(settings.SCHOOL_TEMPLATE_SCHEMA)
    quoted = connection.ops.quote_name(name)
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE SCHEMA {quoted}")
        cursor.execute(
            f"CREATE TABLE {quoted}.django_migrations "
            f"(LIKE {template}.django_migrations INCLUDING ALL)"
        )
        cursor.execute(
            f"INSERT INTO {quoted}.django_migrations SELECT * FROM {template}.django_migrations"
        )
        _sequence_follow(cursor, quoted)


def _sequence_follow(cursor, quoted: str) -> None:
    """The table's id sequence past its copied rows (a copy keeps the template's ids)."""
    cursor.execute(
        f"SELECT setval(pg_get_serial_sequence('{quoted}.django_migrations', 'id'), "
        f"(SELECT coalesce(max(id), 0) + 1 FROM {quoted}.django_migrations), false)"
    )


def _present(names: list[str]) -> tuple[set[str], set[str]]:
    """(schemas that exist, schemas that hold a Wagtail site) among `names`."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT nspname FROM pg_namespace WHERE nspname = ANY(%s)", [names])
        existing = {row[0] for row in cursor.fetchall()}
        cursor.execute(
            "SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE c.relname = 'wagtailcore_page' AND c.relkind = 'r' AND n.nspname = ANY(%s)",
            [names],
        )
        full = {row[0] for row in cursor.fetchall()}
    return existing, full


def schools_repair(*, workers: int = 2) -> dict[str, int]:
    """Make every School row of this database usable by `migrate_schemas`; returns counts
    (`schema_created`, `light_topped_up`, `full_migrated`)."""
    from tenants.services.school_migrations import schools_migrate

    connection.set_schema_to_public()
    names = list(School.objects.real().values_list("schema_name", flat=True))
    existing, full = _present(names)
    missing = [name for name in names if name not in existing]
    for name in missing:
        with transaction.atomic():
            light_schema_create(name)
    light = [name for name in names if name not in full]
    template = connection.ops.quote_name(settings.SCHOOL_TEMPLATE_SCHEMA)
    behind_light = schemas_behind(light)
    for name in behind_light:
        quoted = connection.ops.quote_name(name)
        with transaction.atomic(), connection.cursor() as cursor:
            _sequence_follow(cursor, quoted)
            cursor.execute(
                f"INSERT INTO {quoted}.django_migrations (app, name, applied) "
                f"SELECT t.app, t.name, t.applied FROM {template}.django_migrations t "
                f"WHERE NOT EXISTS (SELECT 1 FROM {quoted}.django_migrations s "
                "WHERE s.app = t.app AND s.name = t.name)"
            )
    behind_full = schemas_behind(sorted(full))
    if behind_full:
        schools_migrate(schemas=behind_full, workers=workers)
    return {
        "schema_created": len(missing),
        "light_topped_up": len(behind_light),
        "full_migrated": len(behind_full),
    }
