"""A published (or draft) monthly report as JSON, CSV, XLSX, PDF or DOCX (Word).

Every format is drawn from one document (`document.report_document`), so the four files
always list the same schools with the same items.
"""

from dataclasses import dataclass

from reports.exports import as_csv, as_docx, as_json, as_pdf, as_xlsx
from reports.exports.document import report_document
from reports.models import MonthlyReport

FORMATS = ("json", "csv", "xlsx", "pdf", "docx")
CONTENT_TYPES = {
    "json": "application/json; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


@dataclass(frozen=True)
class ExportedFile:
    content: bytes
    content_type: str
    filename: str


def report_export(report: MonthlyReport, fmt: str) -> ExportedFile:
    renderers = {
        "json": as_json.render,
        "csv": as_csv.render,
        "xlsx": as_xlsx.render,
        "pdf": as_pdf.render,
        "docx": as_docx.render,
    }
    if fmt not in renderers:
        raise ValueError(f"unknown format '{fmt}'; use {', '.join(FORMATS)}")
    document = report_document(report)
    return ExportedFile(
        content=renderers[fmt](document),
        content_type=CONTENT_TYPES[fmt],
        filename=f"bao-cao-{report.authority.code}-{report.month}.{fmt}",
    )
