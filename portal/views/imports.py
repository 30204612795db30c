"""The workplace's bulk import pages (admins only): upload → preview table → confirm → the
worker's progress (polled as JSON) → result table and XLSX. The work is in
portal/services/imports.py."""

from django.contrib import messages
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from portal.models import SchoolImportJob
from portal.permissions import portal_admin_required
from portal.services.imports import (
    ImportJobError,
    import_job_confirm,
    import_job_start,
    import_result_xlsx,
)
from portal.views.common import portal_render
from portal.views.workplace import actor
from portal.workplace_forms import ImportUploadForm
from tenants.services.bulk_import import ImportFileError


def _job(request, job_id: int) -> SchoolImportJob:
    job = SchoolImportJob.objects.filter(pk=job_id, authority=request.authority).first()
    if job is None:
        raise Http404("no such import on this portal")
    return job


@portal_admin_required
def import_upload(request):
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            job = import_job_start(
                authority=request.authority,
                actor=actor(request),
                filename=upload.name,
                data=upload.read(),
            )
        except ImportFileError as exc:
            form.add_error("file", str(exc))
        else:
            return redirect("portal:manage_import_job", job_id=job.pk)
    status = 400 if request.method == "POST" else 200
    return portal_render(request, "portal/manage/import_upload.html", {"form": form}, status=status)


@portal_admin_required
def import_job(request, job_id: int):
    job = _job(request, job_id)
    shown = job.result if job.status == SchoolImportJob.Status.DONE else job.preview
    return portal_render(
        request,
        "portal/manage/import_job.html",
        {"job": job, "shown": shown, "rows": shown.get("rows", [])},
    )


@require_POST
@portal_admin_required
def import_confirm(request, job_id: int):
    job = _job(request, job_id)
    try:
        import_job_confirm(job=job, actor=actor(request))
    except ImportJobError as exc:
        messages.error(request, str(exc))
    return redirect("portal:manage_import_job", job_id=job.pk)


@portal_admin_required
def import_progress(request, job_id: int):
    job = _job(request, job_id)
    return JsonResponse(
        {
            "status": job.status,
            "status_label": job.get_status_display(),
            "done": job.done,
            "total": job.total,
            "error": job.error,
        }
    )


@portal_admin_required
def import_result(request, job_id: int):
    job = _job(request, job_id)
    if job.status != SchoolImportJob.Status.DONE:
        raise Http404("the import has not finished")
    response = HttpResponse(
        import_result_xlsx(job),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="ket-qua-nhap-truong-{job.pk}.xlsx"'
    return response
