"""The monthly list as an administrative document (Decree 30/2020/NĐ-CP, Appendix I): what an
admin fills before publishing, checked here, and the lines the PDF, the DOCX and the public page
print from it.

- `report_document_fill(report=…, fields=…, filled_by=…)` stores the number, symbol, place,
  date, parent body, signer's title and name, "Nơi nhận" and cover note on a draft, and keeps
  them as the authority's defaults for next month. Raises ReportError (Vietnamese) on a bad
  field or a published report (a published document is frozen).
- `report_document_initial(report)` is what the fill-in form starts from (the letterhead by
  the authority's kind: reports/letterhead.py).
- `number_line`, `date_line`: "Số: 12/TB-PGDĐT"; "Phong Điền, ngày 01 tháng 12 năm 2026"
  (Decree 30 Art. 8 and Appendix I: a day below 10 and a month below 3 take a leading zero).
"""

import datetime as dt
import re

from django.db import transaction
from django.utils.translation import gettext as _

from reports.generation import ReportError
from reports.letterhead import letterhead_default
from reports.models import MonthlyReport, ReportDocumentDefaults

FIELDS = (
    "doc_number",
    "doc_symbol",
    "doc_place",
    "doc_date",
    "issuer_parent",
    "issuer",
    "signer_title",
    "signer_name",
    "recipients",
    "cover_note",
)
DEFAULT_FIELDS = (
    "doc_symbol",
    "doc_place",
    "issuer_parent",
    "issuer",
    "signer_title",
    "signer_name",
    "recipients",
)
NUMBER = re.compile(r"^[0-9]{1,6}$")
SYMBOL = re.compile(r"^[0-9A-Za-zĐđÀ-ỹ]+(?:[-/.][0-9A-Za-zĐđÀ-ỹ]+)*$")


def number_line(number: str, symbol: str) -> str:
    if not number:
        return _("Số: …/%(symbol)s") % {"symbol": symbol} if symbol else _("Số: …")
    return _("Số: %(number)s/%(symbol)s") % {"number": number, "symbol": symbol}


def date_line(place: str, date: dt.date | None) -> str:
    if date is None:
        return _("%(place)s, ngày … tháng … năm …") % {"place": place or "…"}
    day = f"{date.day:02d}" if date.day < 10 else str(date.day)
    month = f"{date.month:02d}" if date.month < 3 else str(date.month)
    return _("%(place)s, ngày %(day)s tháng %(month)s năm %(year)d") % {
        "place": place or "…",
        "day": day,
        "month": month,
        "year": date.year,
    }


def report_document_initial(report: MonthlyReport) -> dict:
    """The report's own values where filled, else the authority's defaults; the date defaults
    to the 1st of the month after the report's (when the letters say the list comes out)."""
    defaults = ReportDocumentDefaults.objects.filter(authority=report.authority).first()
    initial = {name: getattr(report, name) for name in FIELDS}
    for name in DEFAULT_FIELDS:
        if not initial[name]:
            initial[name] = getattr(defaults, name, "") if defaults else ""
    parent, issuer = letterhead_default(report.authority)
    if not initial["issuer_parent"]:
        initial["issuer_parent"] = parent
    if not initial["issuer"]:
        initial["issuer"] = issuer
    if not initial["recipients"]:
        initial["recipients"] = _("Các trường trực thuộc;\nLưu: VT.")
    if initial["doc_date"] is None:
        year, month = (int(p) for p in report.month.split("-"))
        initial["doc_date"] = dt.date(year + month // 12, month % 12 + 1, 1)
    return initial


def report_document_fill(*, report: MonthlyReport, fields: dict) -> MonthlyReport:
    """Store the document's fields on a draft (see the module docstring)."""
    values = {name: fields.get(name) for name in FIELDS}
    for name in FIELDS:
        if name != "doc_date":
            values[name] = (values[name] or "").strip()
    problems = []
    if not NUMBER.match(values["doc_number"]):
        problems.append(_("Số văn bản là số thứ tự bằng chữ số Ả Rập, ví dụ 12."))
    if not SYMBOL.match(values["doc_symbol"]):
        problems.append(_("Ký hiệu văn bản gồm chữ viết tắt nối bằng gạch ngang, ví dụ TB-PGDĐT."))
    if not values["doc_place"]:
        problems.append(_("Cần ghi địa danh, ví dụ Phong Điền."))
    if not isinstance(values["doc_date"], dt.date):
        problems.append(_("Cần ngày ban hành theo dạng dd/mm/yyyy."))
    if not values["signer_title"] or not values["signer_name"]:
        problems.append(_("Cần chức vụ và họ tên người ký."))
    if problems:
        raise ReportError(" ".join(problems))
    with transaction.atomic():
        report = MonthlyReport.objects.select_for_update().get(pk=report.pk)
        if report.is_published:
            raise ReportError(_("Báo cáo đã công bố; văn bản không sửa được nữa."))
        for name, value in values.items():
            setattr(report, name, value)
        report.signed_by = f"{values['signer_title']} {values['signer_name']}"[:255]
        report.save()
        ReportDocumentDefaults.objects.update_or_create(
            authority=report.authority,
            defaults={name: values[name] for name in DEFAULT_FIELDS},
        )
    return report


def document_lines(report: MonthlyReport) -> dict:
    """The document's printed parts (for the exports' shared document and the public page).
    The letterhead is what the admin filled; before that (a draft) and for a line left empty,
    the default for the authority's kind (reports/letterhead.py)."""
    parent, issuer = letterhead_default(report.authority)
    filled = bool(report.doc_number and report.signer_name)
    return {
        "issuer_parent": report.issuer_parent or ("" if filled else parent),
        "issuer": report.issuer or issuer,
        "number_line": number_line(report.doc_number, report.doc_symbol),
        "date_line": date_line(report.doc_place, report.doc_date),
        "signer_title": report.signer_title,
        "signer_name": report.signer_name,
        "recipients": [line for line in report.recipients.splitlines() if line.strip()],
        "filled": filled,
    }
