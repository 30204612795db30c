"""The portal's bulk import: upload → preview → confirm → Celery tasks with progress → the
result as XLSX. The three steps are the ones `import_schools` runs
(tenants/services/bulk_import.py: parse → preview → apply); this module keeps the uploaded
bytes and the progress in a `SchoolImportJob` row, invites the new principals and writes the
result file.

The run is a sequence of tasks (portal/tasks.py): plan (the rows and their chunks of
CHUNK_SIZE schools), one task per chunk, finish (the result). No task nears the 10-minute
limit however long the list (issue 10: one task for ~400 schools hit it), progress is the sum
of the chunks' rows, and every step is safe to run again (a chunk claims itself and records
each row's outcome as it goes).

Shapes: `job.preview` and `job.result` are `ImportPreview.as_dict()`; each result row also
has "url", "admin_url" and "invitation" ("sent", "failed" or "" when no principal e-mail)."""

import datetime as dt
import io
import logging
from dataclasses import replace

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from portal.models import AuditEntry, SchoolImportChunk, SchoolImportJob
from portal.services.audit import audit_record
from portal.services.mail import principal_invitation_mail
from tenants.hosts import site_url
from tenants.models import Authority, Domain
from tenants.services.bulk_import import (
    ImportPreview,
    ImportRow,
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


# Schools per chunk task: provisioning one takes a few seconds (a pooled schema is renamed, a
# clone copies the template), so 25 stay far below the 10-minute task limit even on clones.
CHUNK_SIZE = settings.PORTAL_IMPORT_CHUNK_SIZE
# A chunk claimed longer ago than this is taken as lost with its worker and may be claimed
# again (below the broker's 15-minute visibility timeout, after which it is redelivered).
CLAIM_EXPIRES = dt.timedelta(minutes=12)
Chunk = SchoolImportChunk.State


def import_chunks(rows: list, size: int) -> list[list]:
    """Consecutive slices of `rows`, each at most `size` long (the last may be shorter); [] for
    no rows. Pure."""
    if size < 1:
        raise ValueError("a chunk holds at least one row")
    return [rows[start : start + size] for start in range(0, len(rows), size)]


def import_job_plan(*, job_id: int, chunk_size: int | None = None) -> list[int]:
    """The run's first step: read the stored file again, plan every row against today's
    schools (one made since the preview now reads "already exists"), keep the plan as the
    job's preview and cut its "will create" rows into chunks. Returns the indices of the chunks
    still to run. Safe to repeat: a job already planned keeps its chunks (and their outcomes)."""
    with transaction.atomic():
        job = SchoolImportJob.objects.select_for_update().select_related("authority").get(pk=job_id)
        if job.status in (Status.DONE, Status.FAILED):
            return []
        if job.chunks.exists():
            return list(job.chunks.exclude(state=Chunk.DONE).values_list("index", flat=True))
        try:
            parsed = schools_import_parse(data=bytes(job.data), filename=job.filename)
            preview = schools_import_preview(parsed=parsed, authority=job.authority)
        except Exception as exc:  # noqa: BLE001 — the office gets a sentence, the log the details
            logger.exception("school import %s could not be planned", job.pk)
            _failed(job.pk, exc)
            return []
        creates = [row.as_dict() for row in preview.rows if row.outcome == RowOutcome.CREATE]
        chunks = import_chunks(creates, chunk_size or CHUNK_SIZE)
        SchoolImportChunk.objects.bulk_create(
            SchoolImportChunk(job=job, index=index, rows=rows) for index, rows in enumerate(chunks)
        )
        job.preview, job.total, job.done = preview.as_dict(), len(creates), 0
        job.status = Status.RUNNING
        job.save(update_fields=["preview", "total", "done", "status"])
    return list(range(len(chunks)))


def import_chunk_run(*, job_id: int, index: int, now: dt.datetime | None = None) -> int:
    """One chunk task: create its schools one at a time (each through `school_provision` in
    its own transaction), invite their principals, and store each row's outcome with the job's
    progress as soon as it is known. Returns how many rows it ran.

    Exactly once per row: the chunk is claimed first (another delivery of it running, or a
    chunk already done, makes this one return 0), and a row with an outcome is never run
    again. A worker killed between a school's creation and the row's record leaves the row to
    the next delivery, which finds the school and reads "already exists": never a duplicate.
    """
    now = now or timezone.now()
    claimed = (
        SchoolImportChunk.objects.filter(job_id=job_id, index=index)
        .filter(Q(state=Chunk.QUEUED) | Q(state=Chunk.RUNNING, claimed_at__lt=now - CLAIM_EXPIRES))
        .exclude(job__status__in=(Status.DONE, Status.FAILED))
        .update(state=Chunk.RUNNING, claimed_at=now)
    )
    if not claimed:
        return 0
    chunk = SchoolImportChunk.objects.select_related("job__authority").get(
        job_id=job_id, index=index
    )
    authority, rows, ran = chunk.job.authority, list(chunk.rows), 0
    try:
        for position, row in enumerate(rows):
            if row["outcome"] != RowOutcome.CREATE:
                continue  # ran in an earlier delivery of this chunk
            planned = ImportPreview("", "", 0, {}, rows=(ImportRow.from_dict(row),))
            applied = schools_import_apply(preview=planned, authority=authority).rows[0]
            outcome = applied.as_dict()
            _row_finish(outcome, authority=authority)
            rows[position] = outcome
            with transaction.atomic():
                SchoolImportChunk.objects.filter(pk=chunk.pk).update(rows=rows)
                SchoolImportJob.objects.filter(pk=job_id).update(done=F("done") + 1)
            ran += 1
    except Exception as exc:  # noqa: BLE001 — e.g. TemplateNotReady: the import stops, said why
        logger.exception("school import %s, chunk %s failed", job_id, index)
        _failed(job_id, exc)
        return ran
    SchoolImportChunk.objects.filter(pk=chunk.pk).update(state=Chunk.DONE)
    return ran


def import_job_finish(*, job_id: int) -> SchoolImportJob:
    """The run's last step, once every chunk is done: the result (every row with its outcome,
    the sites' and admin addresses, the invitations) and the job marked done. Returns the job
    unchanged while a chunk is still running (its own run ends with this step again)."""
    with transaction.atomic():
        job = SchoolImportJob.objects.select_for_update().select_related("authority").get(pk=job_id)
        chunks = list(job.chunks.all())
        if job.status != Status.RUNNING or any(c.state != Chunk.DONE for c in chunks):
            return job
        ran = {row["row"]: row for chunk in chunks for row in chunk.rows}
        planned = ImportPreview.from_dict(job.preview)
        rows = [
            ImportRow.from_dict(ran[row.number]) if row.number in ran else row
            for row in planned.rows
        ]
        result = replace(planned, rows=tuple(rows), applied=True).as_dict()
        for row in result["rows"]:
            if row["row"] in ran:
                extra = ran[row["row"]]
                row.update(url=extra["url"], admin_url=extra["admin_url"])
                row["invitation"] = extra["invitation"]
            else:
                _row_finish(row, authority=job.authority)
        job.result, job.status, job.finished_at = result, Status.DONE, timezone.now()
        job.done = sum(1 for row in ran.values() if row["outcome"] != RowOutcome.CREATE)
        job.save(update_fields=["result", "status", "finished_at", "done"])
    return job


def import_job_run(*, job_id: int, chunk_size: int | None = None) -> SchoolImportJob:
    """The whole run in this process, step after step (plan, every chunk, finish), as the
    worker's tasks do them one task each (portal/tasks.py); for commands and tests."""
    for index in import_job_plan(job_id=job_id, chunk_size=chunk_size):
        import_chunk_run(job_id=job_id, index=index)
    return import_job_finish(job_id=job_id)


def _failed(job_id: int, exc: Exception) -> None:
    SchoolImportJob.objects.filter(pk=job_id).update(
        status=Status.FAILED,
        error=_("Nhập danh sách bị dừng: %(reason)s") % {"reason": exc},
        finished_at=timezone.now(),
    )


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
