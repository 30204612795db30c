"""The pool's copies commit in steps (tenants/services/schema_copy.py, `schema_copy_in_steps`):
a copy cut short leaves a schema without a pool row, which the next fill drops; a step copy is
refused inside a transaction, where it could not commit its steps."""

import pytest
from django.db import connection
from django_tenants.utils import schema_exists

from tenants.models import PooledSchema
from tenants.services.pool import pool_fill
from tenants.services.schema_copy import SchemaCopyError, schema_copy_in_steps
from tenants.services.template import template_ddl, template_schema_name


def test_a_copy_cut_short_is_dropped_by_the_next_fill(committed_schools, empty_pool):
    committed_schools(name="THCS Kho")  # the template and its DDL snapshot are ready
    with connection.cursor() as cursor:  # what a killed filler leaves: steps done, no row
        cursor.execute("CREATE SCHEMA pool_cut0short0000")
        cursor.execute("CREATE TABLE pool_cut0short0000.wagtailcore_page (id int)")
    assert pool_fill(size=1, workers=1) == 1
    assert not schema_exists("pool_cut0short0000")
    entry = PooledSchema.objects.get()
    with connection.cursor() as cursor:  # the finished copy is whole: rows, keys, sequences
        cursor.execute(
            f'SELECT count(*) FROM "{entry.schema_name}".wagtailcore_page p '
            f'JOIN "{template_schema_name()}".wagtailcore_page t USING (id, path, title)'
        )
        copied = cursor.fetchone()[0]
        cursor.execute(f'SELECT count(*) FROM "{template_schema_name()}".wagtailcore_page')
        assert copied == cursor.fetchone()[0] > 1
        cursor.execute(
            "SELECT count(*) FROM pg_constraint WHERE connamespace = %s::regnamespace "
            "AND contype = 'f'",
            [entry.schema_name],
        )
        assert cursor.fetchone()[0] > 50
    connection.set_schema_to_public()
    from tenants.services.pool import schema_drop

    schema_drop(entry.schema_name)
    entry.delete()


@pytest.mark.django_db
def test_a_step_copy_is_refused_inside_a_transaction():
    with pytest.raises(SchemaCopyError, match="outside a transaction"):
        schema_copy_in_steps(ddl=template_ddl(), source=template_schema_name(), target="x_never")
