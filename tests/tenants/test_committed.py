"""Behaviour that needs committed schemas: deletion with a backup, the pool, migrations."""

import json
import tarfile

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.db.migrations.loader import MigrationLoader
from django_tenants.utils import schema_exists

from tenants.models import PooledSchema, School
from tenants.services.lifecycle import SchoolDeletionRefused, school_delete
from tenants.services.pool import pool_claim, pool_fill
from tenants.services.provisioning import school_provision
from tenants.services.template import TemplateNotReady, template_schema_name
from tests.factories import authority_make


def test_delete_needs_the_code_and_keeps_a_dump_first(committed_schools, tmp_path):
    school = committed_schools(name="THCS Sắp Xóa")
    with pytest.raises(SchoolDeletionRefused, match="confirm with its code"):
        school_delete(school=school, confirm="yes", backup_dir=tmp_path)
    assert schema_exists(school.schema_name)
    backup = school_delete(school=school, confirm=school.code, backup_dir=tmp_path)
    assert not schema_exists(school.schema_name)
    assert not School.objects.filter(pk=school.pk).exists()
    with tarfile.open(backup) as archive:  # restore_school's archive: rows, uploads, the school
        manifest = json.load(archive.extractfile("manifest.json"))
        sql = archive.extractfile("schema.sql").read().decode()
    assert manifest["school"]["code"] == school.code
    assert f"CREATE TABLE {school.schema_name}.wagtailcore_page" in sql


def test_pool_hands_out_a_ready_schema_and_refuses_stale_ones(committed_schools, empty_pool):
    assert pool_fill(size=2) == 2
    school = committed_schools(name="THCS Từ Kho")
    assert school.provisioned.source == "pool"
    assert PooledSchema.objects.count() == 1
    assert school.provisioned.url and schema_exists(school.schema_name)
    PooledSchema.objects.update(fingerprint="an-older-template")
    with transaction.atomic():
        assert pool_claim(schema_name="never_made") is False
    assert pool_fill(size=1) == 1  # the stale one is dropped, a fresh one cloned
    assert PooledSchema.objects.exclude(fingerprint="an-older-template").count() == 1


def test_migrate_schemas_skips_current_schools_and_migrates_the_one_behind(
    committed_schools, capsys
):
    behind, current = committed_schools(name="THCS Chậm"), committed_schools(name="THCS Đủ")
    # The school misses sitepages' latest migration: it is unapplied for real (its schema
    # changes undone), so that applying it again works whatever the migration does.
    loader = MigrationLoader(connection)
    ((_app, latest),) = loader.graph.leaf_nodes("sitepages")
    node = loader.graph.node_map[("sitepages", latest)]
    (previous,) = [parent.key[1] for parent in node.parents if parent.key[0] == "sitepages"]
    call_command(
        "migrate_schemas", "sitepages", previous, schema_name=behind.schema_name, verbosity=0
    )
    capsys.readouterr()
    call_command("migrate_schemas", tenant=True, interactive=False, verbosity=1)
    out = capsys.readouterr().out
    assert "1 to migrate" in out
    assert f"{behind.schema_name}" in out and f"{current.schema_name}]" not in out
    with connection.cursor() as cursor:
        cursor.execute(
            f'SELECT count(*) FROM "{behind.schema_name}".django_migrations '
            "WHERE app = 'sitepages' AND name = %s",
            [latest],
        )
        assert cursor.fetchone()[0] == 1


def test_a_template_behind_the_migrations_is_never_cloned(committed_schools):
    committed_schools(name="THCS Trước")  # makes sure the template row and tree exist
    template = template_schema_name()
    with connection.cursor() as cursor:
        cursor.execute(
            f'DELETE FROM "{template}".django_migrations WHERE app = %s AND name = %s '
            "RETURNING id, applied",
            ["sitepages", "0002_rename_revision_sequence"],
        )
        row_id, applied = cursor.fetchone()
    try:
        with pytest.raises(TemplateNotReady, match="lacks migrations"):
            school_provision(
                authority=authority_make(),
                name="THCS Mới",
                levels="primary",
                domain="thcs-moi.localhost",
            )
        assert not schema_exists("thcs_moi")
    finally:
        with connection.cursor() as cursor:
            cursor.execute(
                f'INSERT INTO "{template}".django_migrations (id, app, name, applied) '
                "VALUES (%s, 'sitepages', '0002_rename_revision_sequence', %s)",
                [row_id, applied],
            )
