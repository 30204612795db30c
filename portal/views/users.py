"""/quan-ly/nguoi-dung/: the authority's users. Members see the list; admins invite by e-mail
(admin or inspector), change roles and take users off; the last admin always stays."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.models import AuditEntry, AuthorityMembership
from portal.permissions import portal_admin_required, portal_member_required
from portal.services.users import (
    AuthorityUserError,
    authority_user_deactivate,
    authority_user_invite,
    authority_user_role_change,
)
from portal.views.common import portal_render
from portal.views.workplace import actor
from portal.workplace_forms import UserInviteForm, UserRoleForm

USER_ACTIONS = (
    AuditEntry.Action.USER_INVITE,
    AuditEntry.Action.USER_ROLE,
    AuditEntry.Action.USER_DEACTIVATE,
)


@portal_member_required
def users(request):
    return _users_page(request)


def _users_page(request, *, invite_form=None, status: int = 200):
    """The users' page; `invite_form` is a refused invitation, shown with what was typed."""
    memberships = (
        AuthorityMembership.objects.filter(authority=request.authority)
        .select_related("user")
        .order_by("user__username")
    )
    return portal_render(
        request,
        "portal/manage/users.html",
        {
            "memberships": memberships,
            "invite_form": invite_form or UserInviteForm(),
            "roles": AuthorityMembership.Role.choices,
            "history": AuditEntry.objects.filter(
                authority=request.authority, action__in=USER_ACTIONS
            )[:30],
        },
        status=status,
    )


def _membership(request, membership_id: int) -> AuthorityMembership:
    membership = (
        AuthorityMembership.objects.filter(pk=membership_id, authority=request.authority)
        .select_related("user", "authority")
        .first()
    )
    if membership is None:
        raise Http404("no such member of this authority")
    return membership


@require_POST
@portal_admin_required
def user_invite(request):
    form = UserInviteForm(request.POST)
    if not form.is_valid():
        return _users_page(request, invite_form=form, status=400)
    try:
        created, sent = authority_user_invite(
            authority=request.authority,
            email=form.cleaned_data["email"],
            role=form.cleaned_data["role"],
            actor=actor(request),
        )
    except AuthorityUserError as exc:
        form.add_error("email", str(exc))
        return _users_page(request, invite_form=form, status=400)
    email = created.user.email
    if sent:
        messages.success(request, _("Đã gửi thư mời đến %(email)s.") % {"email": email})
    else:
        messages.error(
            request, _("Đã thêm %(email)s nhưng không gửi được thư mời.") % {"email": email}
        )
    return redirect("portal:manage_users")


@require_POST
@portal_admin_required
def user_role(request, membership_id: int):
    membership = _membership(request, membership_id)
    form = UserRoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Vai trò không hợp lệ."))
        return redirect("portal:manage_users")
    try:
        authority_user_role_change(
            membership=membership, role=form.cleaned_data["role"], actor=actor(request)
        )
    except AuthorityUserError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            _("Đã đổi vai trò của %(user)s.") % {"user": membership.user.get_username()},
        )
    return redirect("portal:manage_users")


@require_POST
@portal_admin_required
def user_deactivate(request, membership_id: int):
    membership = _membership(request, membership_id)
    try:
        authority_user_deactivate(membership=membership, actor=actor(request))
    except AuthorityUserError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, _("Đã khóa %(user)s khỏi cổng.") % {"user": membership.user.get_username()}
        )
    return redirect("portal:manage_users")
