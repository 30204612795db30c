"""Moving models out of `compliance` into their own apps without losing a row.

Used by the `0001_initial` migrations of `reports`, `reminders` and `portal` (issue 14), inside
`SeparateDatabaseAndState`: the state says "created in the new app", the database keeps the
table and renames it (and the sequence, indexes and constraints named after it) to the new
app's default name, e.g. `compliance_monthlyreport` → `reports_monthlyreport`.

Content types keep their ids: the rows of `django_content_type` move to the new app label in
the public schema and in every school schema (each has its own copy, made by django-tenants), so
permissions and anything else pointing at them stay valid and no stale type is left behind.

Historical code, like every migration: do not change what it does.
"""

from django.db import migrations


def _names_from(cursor, sql: str, params: list) -> list[str]:
    cursor.execute(sql, params)
    return [row[0] for row in cursor.fetchall()]


def _rename_table(cursor, quote, old_table: str, new_table: str, old: str, new: str) -> None:
    cursor.execute(f"ALTER TABLE {quote(old_table)} RENAME TO {quote(new_table)}")
    # Constraints first: renaming a primary key or unique constraint renames its index too.
    for name in _names_from(
        cursor,
        "SELECT conname FROM pg_constraint WHERE conrelid = %s::regclass AND conname LIKE %s",
        [new_table, f"{old}\\_%"],
    ):
        cursor.execute(
            f"ALTER TABLE {quote(new_table)} RENAME CONSTRAINT {quote(name)} "
            f"TO {quote(new + name[len(old) :])}"
        )
    for name in _names_from(
        cursor,
        "SELECT i.relname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid "
        "WHERE x.indrelid = %s::regclass AND i.relname LIKE %s",
        [new_table, f"{old}\\_%"],
    ):
        cursor.execute(f"ALTER INDEX {quote(name)} RENAME TO {quote(new + name[len(old) :])}")
    # The id column's identity sequence keeps its old name unless renamed.
    for name in _names_from(
        cursor,
        "SELECT s.relname FROM pg_class s JOIN pg_depend d ON d.objid = s.oid "
        "WHERE d.refobjid = %s::regclass AND s.relkind = 'S' AND s.relname LIKE %s",
        [new_table, f"{old}\\_%"],
    ):
        cursor.execute(f"ALTER SEQUENCE {quote(name)} RENAME TO {quote(new + name[len(old) :])}")


def _move_content_types(cursor, quote, models: list[str], old: str, new: str) -> None:
    schemas = _names_from(
        cursor,
        "SELECT table_schema FROM information_schema.tables WHERE table_name = %s",
        ["django_content_type"],
    )
    for schema in schemas:
        table = f"{quote(schema)}.django_content_type"
        cursor.execute(
            f"UPDATE {table} AS moved SET app_label = %s "
            "WHERE moved.app_label = %s AND moved.model = ANY(%s) AND NOT EXISTS "
            f"(SELECT 1 FROM {table} AS other WHERE other.app_label = %s "
            "AND other.model = moved.model)",
            [new, old, models, new],
        )


def move_tables(*, models: list[str], old: str, new: str):
    """A RunPython operation moving the tables of `models` (lower-case names) from app `old`
    to app `new`, reversibly."""

    def forwards(apps, schema_editor, *, source=old, target=new):
        quote = schema_editor.connection.ops.quote_name
        with schema_editor.connection.cursor() as cursor:
            for model in models:
                _rename_table(
                    cursor, quote, f"{source}_{model}", f"{target}_{model}", source, target
                )
            _move_content_types(cursor, quote, models, source, target)

    def backwards(apps, schema_editor):
        forwards(apps, schema_editor, source=new, target=old)

    return migrations.RunPython(forwards, backwards)
