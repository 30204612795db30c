"""A school's search index, folded the way the search now reads it (public.vietnamese_unaccent).

The index was built with `simple` (lower case only); the new configuration is `unaccent` then
`simple`, so each stored lexeme becomes its unaccented form. Rewriting the vectors' text keeps
every position and weight (the title's boost) exactly, with no page loaded: `'thời':1A` →
`'thoi':1A`; lexemes that now coincide (`hòa`, `hoà`) merge their positions. Runs in every
school schema and in the template (whose clones and pooled copies then carry it); the
search_path holds only the school's schema here, hence the qualified names.
"""

from django.db import migrations

FOLD = "public.unaccent('public.unaccent'::regdictionary, {column}::text)::tsvector"


class Migration(migrations.Migration):
    dependencies = [
        ("sitepages", "0006_news_gallery"),
        ("tenants", "0004_vietnamese_search_config"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        migrations.RunSQL(
            sql="UPDATE wagtailsearch_indexentry SET "
            + ", ".join(
                f"{column} = {FOLD.format(column=column)}"
                for column in ("title", "autocomplete", "body")
            ),
            reverse_sql=migrations.RunSQL.noop,
        ),
    ]
