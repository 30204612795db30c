"""The monthly report on the portal: the public pages and downloads (no login; drafts only for
members), and the admins' actions: generate, fill the administrative document (number,
date line, signer, "Nơi nhận", cover note; audited), publish it, regenerate with a reason."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.forms import ReportDocumentForm, ReportGenerateForm, ReportRegenerateForm
from portal.permissions import (
    portal_admin_required,
    portal_member_required,
    request_role,
)
from portal.services.reports import (
    ReportNotIssuable,
    portal_report_document_fill,
    portal_report_publish,
)
from portal.views.common import portal_render
from reports.exports import report_export
from reports.exports.document import report_document
from reports.generation import (
    ReportError,
    monthly_report_generate,
)
from reports.months import month_label, previous_month
from reports.official import report_document_initial
from reports.selectors import all_reports, published_reports, report_for_host


def _authority(request):
    authority = getattr(request, "authority", None)
    if authority is None:
        raise Http404("not an authority portal")
    return authority


def _visible_report(request, month: str):
    authority = _authority(request)
    member = request_role(request) is not None
    report = report_for_host(authority=authority, month=month, member=member)
    if report is None:
        raise Http404("no published report for this month")
    return report


def report_index(request):
    authority = _authority(request)
    return portal_render(
        request,
        "portal/report_index.html",
        {"authority": authority, "reports": published_reports(authority=authority)},
    )


def report_detail(request, month: str):
    return _detail_page(request, _visible_report(request, month))


def _detail_page(request, report, *, document_form=None, regenerate_form=None, status=200):
    """The report's page; a refused form is passed bound, so it shows what was typed and
    each field's reason."""
    return portal_render(
        request,
        "portal/report_detail.html",
        {
            "report": report,
            "document": report_document(report),
            "month_label": month_label(report.month),
            "document_form": document_form
            or ReportDocumentForm(initial=report_document_initial(report)),
            "regenerate_form": regenerate_form or ReportRegenerateForm(),
            "formats": ("pdf", "docx", "xlsx", "csv", "json"),
        },
        status=status,
    )


def report_download(request, month: str, fmt: str):
    exported = report_export(_visible_report(request, month), fmt)
    response = HttpResponse(exported.content, content_type=exported.content_type)
    response["Content-Disposition"] = f'attachment; filename="{exported.filename}"'
    if fmt == "json":
        response["Access-Control-Allow-Origin"] = "*"
    return response


@portal_member_required
def report_admin_list(request):
    return _list_page(request)


def _list_page(request, *, form=None, status: int = 200):
    """The admins' list; `form` is a refused generation, shown with the month typed."""
    return portal_render(
        request,
        "portal/report_admin_list.html",
        {
            "reports": all_reports(authority=request.authority),
            "form": form or ReportGenerateForm(month=previous_month(timezone.now())),
        },
        status=status,
    )


@require_POST
@portal_admin_required
def report_generate(request):
    form = ReportGenerateForm(request.POST)
    if not form.is_valid():
        return _list_page(request, form=form, status=400)
    try:
        result = monthly_report_generate(
            authority=request.authority,
            month=form.cleaned_data["thang"],
            requested_by=request.user.get_username(),
        )
    except ReportError as exc:
        form.add_error("thang", _("Không tạo được báo cáo: %(reason)s") % {"reason": exc})
        return _list_page(request, form=form, status=400)
    if result.created:
        messages.success(
            request,
            _("Đã tạo báo cáo %(month)s (bản nháp).") % {"month": month_label(result.report.month)},
        )
    else:
        messages.info(
            request,
            _("Báo cáo %(month)s đã có; không thay đổi gì.")
            % {"month": month_label(result.report.month)},
        )
    return redirect("portal:report_detail", month=result.report.month)


@require_POST
@portal_admin_required
def report_document_save(request, month: str):
    """The fill-in screen's save: number, date line, signer, "Nơi nhận", cover note."""
    report = _visible_report(request, month)
    form = ReportDocumentForm(request.POST)
    if not form.is_valid():
        return _detail_page(request, report, document_form=form, status=400)
    try:
        portal_report_document_fill(
            report=report,
            authority=request.authority,
            actor=request.user.get_username(),
            fields=form.cleaned_data,
        )
    except ReportError as exc:
        report.refresh_from_db()
        if report.is_published:  # the form is gone from the page: nothing typed to keep
            messages.error(request, _("Chưa lưu được: %(reason)s") % {"reason": exc})
            return redirect("portal:report_detail", month=month)
        form.add_error(None, _("Chưa lưu được: %(reason)s") % {"reason": exc})
        return _detail_page(request, report, document_form=form, status=400)
    messages.success(request, _("Đã lưu số văn bản, ngày và người ký."))
    return redirect("portal:report_detail", month=month)


@require_POST
@portal_admin_required
def report_publish(request, month: str):
    """Publish the filled document (number and signer first: an office issues nothing
    without them)."""
    report = _visible_report(request, month)
    try:
        portal_report_publish(report=report, actor=request.user.get_username())
    except ReportNotIssuable as exc:
        messages.error(request, str(exc))
    except ReportError as exc:
        messages.error(request, _("Không công bố được: %(reason)s") % {"reason": exc})
    else:
        messages.success(
            request, _("Đã công bố báo cáo %(month)s.") % {"month": month_label(month)}
        )
    return redirect("portal:report_detail", month=month)


@require_POST
@portal_admin_required
def report_regenerate(request, month: str):
    report = _visible_report(request, month)
    form = ReportRegenerateForm(request.POST)
    if not form.is_valid():
        return _detail_page(request, report, regenerate_form=form, status=400)
    try:
        monthly_report_generate(
            authority=report.authority,
            month=report.month,
            regenerate=True,
            reason=form.cleaned_data["reason"],
            requested_by=request.user.get_username(),
        )
    except ReportError as exc:
        form.add_error(None, _("Không tạo lại được: %(reason)s") % {"reason": exc})
        return _detail_page(request, report, regenerate_form=form, status=400)
    else:
        messages.success(
            request,
            _("Đã tạo lại báo cáo %(month)s; lý do đã được ghi.") % {"month": month_label(month)},
        )
    return redirect("portal:report_detail", month=month)
