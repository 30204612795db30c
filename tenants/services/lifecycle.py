"""Suspending, resuming and deleting schools. Data is never lost by accident:
suspension keeps everything, deletion needs the school's code typed back and dumps first."""

import datetime as dt
import shutil
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django_tenants.utils import get_public_schema_name, schema_context

from tenants.models import School
from tenants.services.backup import SchoolBackupError, school_backup_write, school_media_dir
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
    """The school's archive (tenants/services/backup.py) in `directory` (default
    SCHOOL_BACKUP_DIR), named `<schema>-<UTC time>.tar.gz`; restorable with `restore_school`."""
    directory = Path(directory or settings.SCHOOL_BACKUP_DIR)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    try:
        return school_backup_write(
            school=school, output=directory / f"{school.schema_name}-{stamp}.tar.gz"
        )
    except SchoolBackupError as exc:
        raise SchoolDeletionRefused(f"the backup failed, nothing was deleted: {exc}") from exc


def school_delete(*, school: School, confirm: str, backup_dir: Path | None = None) -> Path:
    """Delete a school (schema, rows, uploads) after writing its archive, which
    `restore_school` brings back; `confirm` must repeat the school's code exactly."""
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
            media = school_media_dir(schema_name)
            transaction.on_commit(lambda: shutil.rmtree(media, ignore_errors=True))
        return backup
