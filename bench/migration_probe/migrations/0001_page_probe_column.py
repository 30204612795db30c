from django.db import migrations


class Migration(migrations.Migration):
    """A column with a default on every school's page table (rewrites nothing: PostgreSQL
    stores a constant default in the catalogue)."""

    dependencies = [("wagtailcore", "0098_apitoken")]

    operations = [
        migrations.RunSQL(
            "ALTER TABLE wagtailcore_page ADD COLUMN probe_rank integer NOT NULL DEFAULT 0",
            "ALTER TABLE wagtailcore_page DROP COLUMN probe_rank",
        )
    ]
