"""The portal's bulk import: upload → preview → confirm → a Celery task with progress → the
result as XLSX. The three steps are the ones `import_schools` runs
(tenants/services/bulk_import.py: parse → preview → apply); this module keeps the uploaded
bytes and the progress in a `SchoolImportJob` row, invites the new principals and writes the
result file.

Shapes: `job.preview` and `job.result` are `ImportPreview.as_dict()`; each result row also
has "url", "admin_url" and "invitation" ("sent", "failed" or "" when no principal e-mail)."""

import io
import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from portal.models import AuditEntry, SchoolImportJob
from portal.services.audit import audit_record
from portal.services.mail import principal_invitation_mail
from tenants.hosts import site_url
from tenants.models import Authority, Domain
from tenants.services.bulk_import import (
    RowOutcome,
    schools_import_apply,
    schools_import_parse,
    schools_import_preview,
)
from tenants.services.principal import principal_invitation
from tenants.services.validation import SchoolInputError

logger = logging.getLogger(__name__)

Status = SchoolImportJob.Status


class ImportJobError(ValueError):
    """The job cannot take this step (already confirmed, nothing to create); Vietnamese."""


def import_job_start(
    *, authority: Authority, actor: str, filename: str, data: bytes
) -> SchoolImportJob:
    """Read and preview an uploaded list; nothing is created. Raises ImportFileError (one
    Vietnamese sentence) for a file that cannot be used."""
    parsed = schools_import_parse(data=data, filename=filename)
    preview = schools_import_preview(parsed=parsed, authority=authority)
    return SchoolImportJob.objects.create(
        authority=authority,
        created_by=actor,
        filename=filename[:255],
        data=data,
        preview=preview.as_dict(),
        total=preview.count(RowOutcome.CREATE),
    )


def import_job_confirm(*, job: SchoolImportJob, actor: str) -> SchoolImportJob:
    """Queue the job for the worker (after the commit); a job is confirmed once."""
    from portal.tasks import school_import_run

    with transaction.atomic():
        job = SchoolImportJob.objects.select_for_update().get(pk=job.pk)
        if job.status != Status.PREVIEW:
            raise ImportJobError(_("Danh sách này đã được xác nhận rồi."))
        if not job.total:
            raise ImportJobError(_("Không có trường nào để tạo trong danh sách này."))
        job.status = Status.QUEUED
        job.save(update_fields=["status"])
        audit_record(
            authority=job.authority,
            actor=actor,
            action=AuditEntry.Action.SCHOOLS_IMPORT,
            target=job.filename,
            after={"job": job.pk, "to_create": job.total},
        )
        transaction.on_commit(lambda: school_import_run.delay(job.pk))
    return job


def import_job_run(*, job_id: int) -> SchoolImportJob:
    """The worker's part: apply the list (each school in its own transaction), record progress
    after each one, invite the new principals, store the result. Safe to retry: rows created by
    an earlier attempt come out as "already exists"."""
    job = SchoolImportJob.objects.select_related("authority").get(pk=job_id)
    if job.status == Status.DONE:
        return job
    SchoolImportJob.objects.filter(pk=job.pk).update(status=Status.RUNNING, done=0)
    try:
        parsed = schools_import_parse(data=bytes(job.data), filename=job.filename)
        preview = schools_import_preview(parsed=parsed, authority=job.authority)
        total = preview.count(RowOutcome.CREATE)
        SchoolImportJob.objects.filter(pk=job.pk).update(total=total)

        def progress(done: int, total: int) -> None:
            SchoolImportJob.objects.filter(pk=job.pk).update(done=done, total=total)

        applied = schools_import_apply(preview=preview, authority=job.authority, progress=progress)
        result = applied.as_dict()
        for row in result["rows"]:
            _row_finish(row, authority=job.authority)
    except Exception as exc:  # noqa: BLE001 — the office gets a sentence, the log the details
        logger.exception("school import %s failed", job.pk)
        SchoolImportJob.objects.filter(pk=job.pk).update(
            status=Status.FAILED,
            error=_("Nhập danh sách bị dừng: %(reason)s") % {"reason": exc},
            finished_at=timezone.now(),
        )
    else:
        SchoolImportJob.objects.filter(pk=job.pk).update(
            status=Status.DONE, result=result, finished_at=timezone.now()
        )
    job.refresh_from_db()
    return job


def _row_finish(row: dict, *, authority: Authority) -> None:
    row["url"] = row["admin_url"] = row["invitation"] = ""
    if row["outcome"] not in (RowOutcome.CREATED, RowOutcome.EXISTS) or not row["domain"]:
        return
    row["url"] = site_url(row["domain"])
    row["admin_url"] = site_url(row["domain"], "/admin/")
    if row["outcome"] != RowOutcome.CREATED or not row["principal_email"]:
        return
    domain = Domain.objects.select_related("tenant").filter(domain=row["domain"]).first()
    try:
        invitation = principal_invitation(school=domain.tenant)
    except (SchoolInputError, AttributeError):
        row["invitation"] = "failed"
        return
    sent = principal_invitation_mail(invitation=invitation, authority=authority)
    row["invitation"] = "sent" if sent else "failed"


INVITATION_TEXT = {"sent": "Đã gửi", "failed": "Không gửi được", "": "—"}


def import_result_xlsx(job: SchoolImportJob) -> bytes:
    """The result as one sheet an office can keep: every row, its outcome, the new schools'
    website and admin addresses and whether the principal's invitation went out."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Kết quả"
    sheet.append([_("Kết quả nhập danh sách trường: %(file)s") % {"file": job.filename}])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([job.result.get("summary", "")])
    sheet.append([])
    header = [
        _("Dòng"),
        _("Tên trường"),
        _("Kết quả"),
        _("Tên miền"),
        _("Website"),
        _("Trang quản trị"),
        _("E-mail hiệu trưởng"),
        _("Thư mời"),
        _("Ghi chú"),
    ]
    sheet.append(header)
    for cell in sheet[4]:
        cell.font = Font(bold=True)
    for row in job.result.get("rows", []):
        reasons = "; ".join(f"{e['label']}: {e['message']}" for e in row["errors"].values())
        sheet.append(
            [
                row["row"],
                row["name"],
                row["outcome_label"],
                row["domain"] or row.get("domain_reason", ""),
                row.get("url", ""),
                row.get("admin_url", ""),
                row["principal_email"],
                INVITATION_TEXT.get(row.get("invitation", ""), ""),
                reasons or row["note"],
            ]
        )
    for letter, width in zip("ABCDEFGHI", (7, 34, 16, 30, 36, 40, 30, 16, 50), strict=True):
        sheet.column_dimensions[letter].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
