"""The workplace's actions on a monthly report: fill the administrative document (audited) and
publish it once it can be issued (reports/official.py, reports/generation.py do the work)."""

from django.db import transaction
from django.utils.translation import gettext as _

from portal.models import AuditEntry
from portal.services.audit import audit_record
from reports.generation import ReportError, monthly_report_publish
from reports.official import report_document_fill


class ReportNotIssuable(ReportError):
    """The document lacks what an office needs to issue it (the message says what)."""


def portal_report_document_fill(*, report, authority, actor: str, fields: dict):
    """Store the document's number, date line, signer, "Nơi nhận" and cover note (`fields`,
    cleaned by ReportDocumentForm) with an audit row of before → after. Raises ReportError
    (nothing stored) when the report can no longer change."""
    before = {name: str(getattr(report, name) or "") for name in fields}
    with transaction.atomic():
        report = report_document_fill(report=report, fields=fields)
        audit_record(
            authority=authority,
            actor=actor,
            action=AuditEntry.Action.REPORT_DOCUMENT,
            target=report.month,
            before=before,
            after={name: str(getattr(report, name) or "") for name in fields},
        )
    return report


def portal_report_publish(*, report, actor: str):
    """Publish the filled document. An office issues nothing without a number and a signer
    (Decree 30/2020/NĐ-CP): raises ReportNotIssuable until both are saved, ReportError when
    publishing fails."""
    if not (report.doc_number and report.signer_name):
        raise ReportNotIssuable(_("Cần điền và lưu số văn bản và người ký trước khi công bố."))
    return monthly_report_publish(
        report=report,
        published_by=actor,
        cover_note=report.cover_note,
        signed_by=report.signed_by,
    )
