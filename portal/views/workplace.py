"""The authority specialist's workplace (/quan-ly/): its index and the school pages.

Views are thin: forms check shapes, portal/services/schools.py does the work through the
services the commands call. Pages that only show are for every member; every POST is for
admins (`portal_admin_required`: inspectors get 403 and see no buttons)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.models import AuditEntry
from portal.permissions import portal_admin_required, portal_member_required
from portal.selectors.scope import authorities_in_scope, school_in_scope
from portal.services.schools import (
    portal_domain_add,
    portal_principal_change,
    portal_principal_invite,
    portal_school_create,
    portal_school_resume,
    portal_school_suspend,
)
from portal.views.common import portal_render
from portal.workplace_forms import DomainForm, PrincipalForm, ReasonForm, SchoolCreateForm
from tenants.selectors import schools_of_authority
from tenants.services.template import TemplateNotReady
from tenants.services.validation import FIELD_LABELS, SchoolInputError


def actor(request) -> str:
    return request.user.get_username()


def form_errors_from(form, errors: dict[str, str]) -> None:
    """Put a service's per-field reasons on the form (unknown fields: above the form)."""
    for field, message in errors.items():
        if field in form.fields:
            form.add_error(field, message)
        else:
            form.add_error(None, f"{FIELD_LABELS.get(field, field)}: {message}")


@portal_member_required
def index(request):
    return portal_render(
        request,
        "portal/manage/index.html",
        {"schools": schools_of_authority(request.authority)},
    )


@portal_admin_required
def school_create(request):
    authorities = authorities_in_scope(request.authority)
    form = SchoolCreateForm(
        request.POST or None,
        authorities=authorities,
        initial={"co_quan": request.authority.code},
    )
    created = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        body = next(a for a in authorities if a.code == data["co_quan"])
        try:
            created = portal_school_create(
                authority=body,
                actor=actor(request),
                name=data["name"],
                levels=data["levels"],
                domain=data["domain"],
                code=data["code"],
                principal_email=data["principal_email"],
                serves_meals=data["serves_meals"],
            )
        except SchoolInputError as exc:
            form_errors_from(form, exc.errors)
        except TemplateNotReady:
            form.add_error(None, _("Hệ thống chưa sẵn sàng tạo trường; xin thử lại sau ít phút."))
    return portal_render(
        request,
        "portal/manage/school_create.html",
        {"form": form, "created": created},
        status=200 if created or request.method == "GET" or form.is_valid() else 400,
    )


def _school(request, code: str):
    school = school_in_scope(request.authority, code)
    if school is None:
        raise Http404("no such school under this authority")
    return school


@portal_member_required
def school_manage(request, code: str):
    return _school_page(request, _school(request, code))


def _school_page(request, school, *, refused: str = "", errors=(), status: int = 200):
    """The school's page; after a refused action (`refused`: "status", "invite", "principal"
    or "domain") its form shows the reasons beside it and keeps what was typed."""
    return portal_render(
        request,
        "portal/manage/school.html",
        {
            "school": school,
            "domains": list(school.domains.order_by("-is_primary", "domain")),
            "history": AuditEntry.objects.filter(target=school.code)[:50],
            "reason_form": ReasonForm(),
            "principal_form": PrincipalForm(),
            "domain_form": DomainForm(),
            "refused": refused,
            "refused_errors": list(errors),
            "typed": request.POST if refused else {},
        },
        status=status,
    )


def _done(request, school, message: str):
    messages.success(request, message)
    return redirect("portal:manage_school", code=school.code)


def _refused(request, school, errors: dict[str, str], *, action: str):
    reasons = [
        _("%(field)s: %(message)s") % {"field": FIELD_LABELS.get(field, field), "message": message}
        for field, message in errors.items()
    ]
    return _school_page(request, school, refused=action, errors=reasons, status=400)


@require_POST
@portal_admin_required
def school_suspend(request, code: str):
    return _status_change(
        request, code, portal_school_suspend, _("Đã tạm ngừng website %(school)s.")
    )


@require_POST
@portal_admin_required
def school_resume(request, code: str):
    return _status_change(request, code, portal_school_resume, _("Đã mở lại website %(school)s."))


def _status_change(request, code: str, change, done: str):
    """Suspend or resume (`change`) with the posted reason, then back to the school's page."""
    school = _school(request, code)
    try:
        change(
            school=school,
            authority=request.authority,
            actor=actor(request),
            reason=ReasonForm(request.POST).data.get("reason", ""),
        )
    except SchoolInputError as exc:
        return _refused(request, school, exc.errors, action="status")
    return _done(request, school, done % {"school": school.name})


@require_POST
@portal_admin_required
def school_invite(request, code: str):
    school = _school(request, code)
    try:
        sent = portal_principal_invite(
            school=school, authority=request.authority, actor=actor(request)
        )
    except SchoolInputError as exc:
        return _refused(request, school, exc.errors, action="invite")
    if not sent:
        return _refused(
            request,
            school,
            {"school": _("không gửi được thư mời; thử lại sau.")},
            action="invite",
        )
    return _done(
        request,
        school,
        _("Đã gửi lại thư mời đến %(email)s.") % {"email": school.principal_email},
    )


@require_POST
@portal_admin_required
def school_principal(request, code: str):
    school = _school(request, code)
    try:
        sent = portal_principal_change(
            school=school,
            authority=request.authority,
            actor=actor(request),
            email=request.POST.get("email", ""),
        )
    except SchoolInputError as exc:
        return _refused(request, school, exc.errors, action="principal")
    message = _("Hiệu trưởng mới: %(email)s.") % {"email": school.principal_email}
    if sent:
        message += " " + _("Đã gửi thư mời đặt mật khẩu.")
    return _done(request, school, message)


@require_POST
@portal_admin_required
def school_domain(request, code: str):
    school = _school(request, code)
    try:
        domain = portal_domain_add(
            school=school,
            authority=request.authority,
            actor=actor(request),
            host=request.POST.get("host", ""),
        )
    except SchoolInputError as exc:
        return _refused(request, school, exc.errors, action="domain")
    return _done(request, school, _("Đã thêm tên miền %(host)s.") % {"host": domain.domain})
