"""Suspending, resuming and deleting schools. Data is never lost by accident:
suspension keeps everything, deletion needs the school's code typed back and dumps first."""

import datetime as dt
import shutil
import subprocess
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django_tenants.utils import get_public_schema_name, schema_context

from tenants.models import School
from tenants.services.pool import schema_drop


class SchoolDeletionRefused(RuntimeError):
    pass


def school_suspend(*, school: School) -> School:
    """Parents get a polite 503 page; editors cannot sign in; nothing is deleted."""
    school.status = School.Status.SUSPENDED
    school.save(update_fields=["status"])
    return school


def school_resume(*, school: School) -> School:
    school.status = School.Status.ACTIVE
    school.save(update_fields=["status"])
    return school


def school_backup(*, school: School, directory: Path | None = None) -> Path:
    """`pg_dump` of the school's schema (custom format), returned as a file path."""
    directory = Path(directory or settings.SCHOOL_BACKUP_DIR)
    directory.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    target = directory / f"{school.schema_name}-{stamp}.dump"
    db = connection.settings_dict
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        raise SchoolDeletionRefused(
            "pg_dump is not installed: sudo apt-get install postgresql-client"
        )
    command = [
        pg_dump,
        "--format=custom",
        f"--schema={school.schema_name}",
        f"--file={target}",
        f"--host={db['HOST'] or '127.0.0.1'}",
        f"--port={db['PORT'] or 5432}",
        f"--username={db['USER'] or 'postgres'}",
        db["NAME"],
    ]
    env = {"PGPASSWORD": db["PASSWORD"] or "", "PATH": "/usr/bin:/bin"}
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if result.returncode != 0 or not target.exists() or target.stat().st_size == 0:
        raise SchoolDeletionRefused(
            f"the backup failed, nothing was deleted: {result.stderr.strip()}"
        )
    return target


def school_delete(*, school: School, confirm: str, backup_dir: Path | None = None) -> Path:
    """Delete a school after a backup; `confirm` must repeat the school's code exactly."""
    if confirm != school.code:
        raise SchoolDeletionRefused(
            f"to delete {school.name}, confirm with its code '{school.code}' (got '{confirm}')"
        )
    if school.is_template:
        raise SchoolDeletionRefused("the template schema cannot be deleted")
    backup = school_backup(school=school, directory=backup_dir)
    with schema_context(get_public_schema_name()):
        with transaction.atomic():
            schema_name = school.schema_name
            school.domains.all().delete()
            school.delete(force_drop=False)
            schema_drop(schema_name)
        return backup
