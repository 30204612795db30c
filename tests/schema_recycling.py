"""Give the schemas a committed test made back to the session's pool, without a new copy.

A test that commits (browser, real worker, `committed_schools`) claims pooled schemas under
school names. Dropping them and copying the template again costs the ~320 relations of a
copy, ~280 of them B-tree builds that each end with an fsync (PostgreSQL 15): 1–3 s per
school, 2–10 s per browser test, and every drop and copy leaves ~2,000 dead catalogue rows.
A school schema whose structure is still the template's only needs the template's rows:
`schema_recycle` deletes its rows, copies the template's (`schema_rows_copy_statements`, the
data half of a copy), sets its sequences, renames it to a new pool name and lists it in the
pool, all in one transaction (~0.1 s, no DDL but the rename). A schema whose structure a test
changed (a migration test) is dropped as before.

Deleting rows leaves dead tuples in the recycled tables; the session's set-up vacuums the
database (tests/conftest.py), so they never pile up from run to run.
"""

import uuid

from django.db import connection, transaction

from tenants.models import PooledSchema
from tenants.services.pool import schema_drop
from tenants.services.schema_copy import schema_rows_copy_statements
from tenants.services.template import template_ddl, template_fingerprint, template_schema_name
from tenants.services.validation import POOL_PREFIX

# What makes two schemas the same structure: their relations (tables with each column's name,
# type and default; an index's own column names follow renames differently and are left out),
# their constraints, and their triggers with whether each is enabled. The schema's own name is
# cut out of definitions, so a school compares equal to the template.
_STRUCTURE = """
SELECT md5(coalesce(string_agg(part, E'\\n' ORDER BY part), '')) FROM (
    SELECT c.relname || ' ' || c.relkind::text || ' ' || coalesce((
        SELECT string_agg(
            a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' ' || a.attnotnull::text
            || coalesce(' ' || pg_get_expr(d.adbin, d.adrelid), ''), ', ' ORDER BY a.attnum)
        FROM pg_attribute a
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE a.attrelid = c.oid AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped),
        '') AS part
    FROM pg_class c WHERE c.relnamespace = %(schema)s::regnamespace
    UNION ALL
    SELECT 'constraint ' || conname || ' ' || replace(pg_get_constraintdef(oid), quote_ident(%(name)s) || '.', '')
    FROM pg_constraint WHERE connamespace = %(schema)s::regnamespace
    UNION ALL
    SELECT 'trigger ' || t.tgname || ' ' || t.tgenabled::text
    FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
    WHERE c.relnamespace = %(schema)s::regnamespace AND NOT t.tgisinternal
) AS parts
"""

_template_structures: dict[str, str] = {}


def schema_structure(schema_name: str) -> str:
    """A digest of `schema_name`'s tables, columns, defaults, constraints and triggers."""
    quoted = connection.ops.quote_name(schema_name)
    with connection.cursor() as cursor:
        cursor.execute(_STRUCTURE, {"schema": quoted, "name": schema_name})
        return cursor.fetchone()[0]


def _template_structure(fingerprint: str) -> str:
    if fingerprint not in _template_structures:
        _template_structures[fingerprint] = schema_structure(template_schema_name())
    return _template_structures[fingerprint]


def _superuser() -> bool:
    """Row triggers (the evidence history refuses DELETE) can be skipped only by a superuser."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        return bool(cursor.fetchone()[0])


def schema_recycle(schema_name: str) -> bool:
    """Make `schema_name` a pooled schema again with the template's rows; True if it was.

    Call it in the public schema, outside a transaction, once the test is over (the test's
    School rows go with the flush, before or after). A schema whose structure differs from the
    template's (or a database user who is no superuser) gets it dropped instead; returns False
    then.
    """
    fingerprint = template_fingerprint()
    if not _superuser() or schema_structure(schema_name) != _template_structure(fingerprint):
        schema_drop(schema_name)
        return False
    ddl = template_ddl()
    quote = connection.ops.quote_name
    target = quote(schema_name)
    pooled = f"{POOL_PREFIX}{uuid.uuid4().hex[:16]}"
    with transaction.atomic(), connection.cursor() as cursor:
        # Triggers off for this transaction only: the evidence history's append-only trigger
        # and the foreign keys' checks (the rows copied are the template's, consistent).
        cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute(
            "\n".join(
                [
                    *(f"DELETE FROM {target}.{quote(table)};" for table, _ in ddl.tables),
                    *schema_rows_copy_statements(
                        ddl=ddl, source=template_schema_name(), target=schema_name
                    ),
                    f"ALTER SCHEMA {target} RENAME TO {quote(pooled)};",
                ]
            )
        )
        PooledSchema.objects.create(schema_name=pooled, fingerprint=fingerprint)
    return True
