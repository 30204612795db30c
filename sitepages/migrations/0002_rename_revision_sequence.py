"""Rename Wagtail's revision sequence so that cloning a school schema works.

Wagtail renamed PageRevision to Revision, and PostgreSQL kept the identity sequence's old name
(`wagtailcore_pagerevision_id_seq`); django-tenants' clone function then grants on
`wagtailcore_revision_id_seq`, which does not exist in the copy, and every clone fails.
"""

from django.db import migrations

RENAME = """
DO $$
BEGIN
    IF EXISTS (
        SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind = 'S' AND c.relname = 'wagtailcore_pagerevision_id_seq'
          AND n.nspname = current_schema()
    ) AND NOT EXISTS (
        SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind = 'S' AND c.relname = 'wagtailcore_revision_id_seq'
          AND n.nspname = current_schema()
    ) THEN
        ALTER SEQUENCE wagtailcore_pagerevision_id_seq RENAME TO wagtailcore_revision_id_seq;
    END IF;
END $$;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("sitepages", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunSQL(RENAME, reverse_sql=migrations.RunSQL.noop)]
