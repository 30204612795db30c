"""The clone path: the template's DDL replayed into a new schema, its rows copied, in one
transaction (tenants/services/schema_copy.py). Every test here clones (`empty_pool`)."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.db.utils import ProgrammingError
from django.test import Client
from django_tenants.utils import schema_context, schema_exists
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Revision, Site

from sitepages.models import NewsIndexPage, NewsPage
from tenants.models import Domain, PooledSchema, School, TemplateSnapshot
from tenants.services import pg_tools, pool
from tenants.services.pool import schema_clone_from_template
from tenants.services.schema_copy import PLACEHOLDER, SchemaDDL
from tenants.services.template import (
    TemplateNotReady,
    template_ddl,
    template_fingerprint,
    template_schema_name,
)
from tests.factories import school_make

pytestmark = pytest.mark.django_db

TEMPLATE = "school_template"


def _catalogue(schema: str) -> dict:
    """What a schema is made of, with its own name written as `S` wherever it appears.

    Table columns only: an index's own column names are those of its table when it was built
    (Wagtail renamed `page_revision_id` after indexing it), and the copy builds them anew.
    The comparison is honest about the rest: keys, foreign keys (deferrable, validated),
    defaults, identity columns and sequences must be the template's.
    """
    queries = {
        "columns": """
            SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                   a.attidentity, a.attgenerated, pg_get_expr(d.adbin, d.adrelid)
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE c.relnamespace = %s::regnamespace AND c.relkind = 'r'
            AND a.attnum > 0 AND NOT a.attisdropped
            """,
        "relations": "SELECT relname, relkind FROM pg_class WHERE relnamespace = %s::regnamespace",
        "indexes": "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = %s",
        "constraints": """
            SELECT conrelid::regclass::text, conname, contype, pg_get_constraintdef(oid),
                   condeferrable, condeferred, convalidated
            FROM pg_constraint WHERE connamespace = %s::regnamespace
            """,
        "sequences": """
            SELECT sequencename, data_type, start_value, increment_by, last_value
            FROM pg_sequences WHERE schemaname = %s
            """,
    }
    found = {}
    with connection.cursor() as cursor:
        for name, sql in queries.items():
            cursor.execute(sql, [schema])
            rows = {
                tuple(re.sub(rf"\b{schema}\b", "S", str(v)) for v in row)
                for row in cursor.fetchall()
            }
            found[name] = rows
    # A partial index's predicate reads back with its casts placed differently once replayed
    # (`ARRAY[…]::text[]` → `ARRAY[(…)::text, …]`): compare it without casts and brackets.
    found["indexes"] = {
        (name, re.sub(r"::[a-z ]+(\[\])?|[()]", "", definition))
        for name, definition in found["indexes"]
    }
    return found


def _rows(schema: str, table: str) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(f'SELECT * FROM "{schema}"."{table}" ORDER BY 1')
        return cursor.fetchall()


def test_a_copy_has_the_templates_tables_keys_indexes_sequences_and_rows(empty_pool):
    with transaction.atomic():
        schema_clone_from_template("copy_check")
        copy, template = _catalogue("copy_check"), _catalogue(TEMPLATE)
        for key in copy:
            assert copy[key] == template[key], (key, copy[key] ^ template[key])
        for table, _columns in template_ddl().tables:
            assert _rows("copy_check", table) == _rows(TEMPLATE, table), table
        transaction.set_rollback(True)
    assert not schema_exists("copy_check")


def test_the_stored_ddl_never_names_the_template_and_is_captured_once(
    authority, empty_pool, monkeypatch
):
    ddl = template_ddl()
    stored = TemplateSnapshot.objects.get(fingerprint=template_fingerprint())
    assert stored.pre_data == ddl.pre_data and PLACEHOLDER in ddl.pre_data
    assert TEMPLATE not in ddl.pre_data + ddl.post_data
    assert "search_path" not in ddl.pre_data + ddl.post_data
    assert {"wagtailcore_page", "django_migrations", "auth_user"} <= {t for t, _ in ddl.tables}

    def no_pg_dump(*args, **kwargs):
        raise AssertionError("pg_dump ran again for a fingerprint already captured")

    monkeypatch.setattr(pg_tools.subprocess, "run", no_pg_dump)
    school = school_make(authority=authority)
    assert school.provisioned.source == "clone"


def test_sequences_continue_after_the_copied_rows(authority, empty_pool):
    school = school_make(authority=authority)
    assert school.provisioned.source == "clone"
    with schema_context(school.schema_name):
        with connection.cursor() as cursor:
            for name in template_ddl().sequences:
                cursor.execute(f'SELECT last_value, is_called FROM "{school.schema_name}"."{name}"')
                clone = cursor.fetchone()
                cursor.execute(f'SELECT last_value, is_called FROM "{TEMPLATE}"."{name}"')
                assert clone[0] >= cursor.fetchone()[0], name
        User, Image = get_user_model(), get_image_model()
        before = {
            model: model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
            for model in (Page, Revision, User, Image, Collection)
        }
        assert before[Page] > 2 and before[Revision] > 1  # the template's tree and revisions
        news_index = NewsIndexPage.objects.get()
        page = news_index.add_child(instance=NewsPage(title="Khai giảng", body="<p>Vui</p>"))
        revision = page.save_revision()
        user = User.objects.create_user(username="gv@truong.edu.vn")
        image = Image.objects.create(title="Ảnh", file="original_images/a.png", width=1, height=1)
        folder = Collection.get_first_root_node().add_child(name="Ảnh hoạt động")
        assert page.pk == before[Page] + 1
        assert revision.pk == before[Revision] + 1
        assert user.pk == before[User] + 1
        assert image.pk == before[Image] + 1
        assert folder.pk == before[Collection] + 1


def test_a_page_created_in_a_clone_works_in_wagtail(authority, empty_pool):
    school = school_make(authority=authority)
    host = school.provisioned.domain
    with schema_context(school.schema_name):
        site = Site.objects.get()
        assert (site.hostname, site.is_default_site) == (host, True)
        news_index = NewsIndexPage.objects.get()
        children = news_index.numchild
        page = news_index.add_child(
            instance=NewsPage(title="Lễ khai giảng năm học mới", body="<p>Sáng 5/9</p>")
        )
        page.save_revision().publish()
        news_index.refresh_from_db()
        assert news_index.numchild == children + 1
        assert page.path.startswith(news_index.path) and page.depth == news_index.depth + 1
        assert page.get_site().pk == site.pk
        assert page.get_parent().get_parent().pk == site.root_page_id
        assert Page.find_problems() == ([], [], [], [], [])
        url = page.get_url()
    response = Client().get(url, HTTP_HOST=host)
    assert response.status_code == 200
    assert "Lễ khai giảng năm học mới" in response.content.decode()


def test_a_failure_mid_copy_leaves_no_schema_school_or_domain(authority, empty_pool, monkeypatch):
    good = template_ddl()
    broken = SchemaDDL(
        fingerprint=good.fingerprint,
        pre_data=good.pre_data,
        # The tables exist and the rows are copied by the time this fails.
        post_data=good.post_data + f"\nALTER TABLE {PLACEHOLDER}.no_such_table ADD x int;",
        tables=good.tables,
        sequences=good.sequences,
    )
    monkeypatch.setattr(pool, "template_ddl", lambda: broken)
    with pytest.raises(ProgrammingError, match="no_such_table"):
        school_make(authority=authority, name="THCS Dở Dang", domain="do-dang.localhost")
    connection.set_schema_to_public()
    assert not School.objects.filter(name="THCS Dở Dang").exists()
    assert not Domain.objects.filter(domain="do-dang.localhost").exists()
    assert not schema_exists("thcs_do_dang")


def test_a_stale_template_is_refused_even_with_schemas_in_the_pool(authority):
    assert PooledSchema.objects.exists()  # the session's pool, cloned from the current template
    with connection.cursor() as cursor:
        cursor.execute(
            f'DELETE FROM "{template_schema_name()}".django_migrations '
            "WHERE app = 'sitepages' AND name = '0002_rename_revision_sequence'"
        )
    with pytest.raises(TemplateNotReady, match="lacks migrations"):
        school_make(authority=authority, name="THCS Cũ", domain="thcs-cu.localhost")
    assert not schema_exists("thcs_cu")
