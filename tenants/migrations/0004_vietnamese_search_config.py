"""The text-search configuration every school's search uses: `public.vietnamese_unaccent`.

PostgreSQL has no Vietnamese configuration; `simple` (lower case, no stemming, no stop words)
suits a language of unchanging syllables, and `unaccent` before it folds tone marks, đ to d and
other diacritics, whichever form they were written in (NFC or NFD, "hòa" or "hoà"): "Thời khóa
biểu" is indexed as `thoi khoa bieu`. Both objects live in the public schema, which every
school's connection reaches (django-tenants' search_path is `<school>, public`); the search
backend and the index migration name them with their schema, so they are found even where
the search_path holds only the school (django-tenants migrates a school that way).
"""

from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations

CONFIG = "public.vietnamese_unaccent"
TOKEN_TYPES = "asciiword, asciihword, hword_asciipart, word, hword, hword_part"


class Migration(migrations.Migration):
    dependencies = [("tenants", "0003_hosts_and_names_normalised")]

    operations = [
        UnaccentExtension(),
        migrations.RunSQL(
            sql=[
                f"CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = pg_catalog.simple)",
                f"ALTER TEXT SEARCH CONFIGURATION {CONFIG} ALTER MAPPING FOR {TOKEN_TYPES} "
                "WITH public.unaccent, pg_catalog.simple",
            ],
            reverse_sql=[f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG}"],
        ),
    ]
