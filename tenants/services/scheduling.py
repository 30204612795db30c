"""Which school schemas have scheduled publishing work due, in a few batched queries.

Wagtail publishes scheduled pages (and unpublishes expired ones) only when its
`publish_scheduled` command runs in the school's schema; asking every school every few
minutes would be a thousand commands, so we first ask PostgreSQL which schools need one.
"""

from django.db import connection

BATCH = 200


def schemas_with_due_schedules(schema_names: list[str], *, now) -> list[str]:
    due: list[str] = []
    with connection.cursor() as cursor:
        for start in range(0, len(schema_names), BATCH):
            batch = schema_names[start : start + BATCH]
            selects = []
            params: list = []
            for name in batch:
                schema = connection.ops.quote_name(name)
                selects.append(
                    f"SELECT %s WHERE EXISTS (SELECT 1 FROM {schema}.wagtailcore_revision "
                    "WHERE approved_go_live_at <= %s) OR EXISTS (SELECT 1 FROM "
                    f"{schema}.wagtailcore_page WHERE live AND expire_at <= %s)"
                )
                params += [name, now, now]
            cursor.execute(" UNION ALL ".join(selects), params)
            due.extend(row[0] for row in cursor.fetchall())
    return due
