from django.db import migrations


class Migration(migrations.Migration):
    """An index on the new column: a second step, so that a school stopped between the two
    would show (a school's migrations run in one transaction; it never is)."""

    dependencies = [("migration_probe", "0001_page_probe_column")]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX wagtailcore_page_probe_rank_idx ON wagtailcore_page (probe_rank)",
            "DROP INDEX wagtailcore_page_probe_rank_idx",
        )
    ]
