"""Who may do what on an authority's portal.

A membership covers its authority and every body under it, so on a portal host the roles that
count are the user's memberships of that host's authority or of any body above it. Admins may
change things; inspectors may look at everything and change nothing. Every view that changes
something is wrapped in `portal_admin_required`, which refuses inspectors whatever the method.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse

from portal.models import AuthorityMembership
from tenants.models import Authority

ADMIN = AuthorityMembership.Role.ADMIN
INSPECTOR = AuthorityMembership.Role.INSPECTOR


def authority_ancestor_ids(authority: Authority) -> list[int]:
    """The authority and every body above it, nearest first (guarded against cycles)."""
    ids: list[int] = []
    current = authority
    while current is not None and current.pk not in ids:
        ids.append(current.pk)
        current = current.parent
    return ids


def role_on_authority(*, user, authority: Authority) -> str | None:
    """ "admin", "inspector" or None: the strongest role of the memberships covering it."""
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    roles = set(
        AuthorityMembership.objects.filter(
            user=user, authority_id__in=authority_ancestor_ids(authority)
        ).values_list("role", flat=True)
    )
    if ADMIN in roles:
        return ADMIN
    return INSPECTOR if INSPECTOR in roles else None


def request_role(request) -> str | None:
    """The role of the request's user on the request's authority (memoised per request)."""
    if not hasattr(request, "_portal_role"):
        authority = getattr(request, "authority", None)
        request._portal_role = (
            None if authority is None else role_on_authority(user=request.user, authority=authority)
        )
    return request._portal_role


def forbidden(request, message: str):
    return render(request, "portal/forbidden.html", {"message": message}, status=403)


def portal_member_required(view):
    """Only on an authority's host, only for its members (anonymous users go to the login)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if getattr(request, "authority", None) is None:
            raise Http404("not an authority portal")
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("portal:login"))
        role = request_role(request)
        if role is None:
            return forbidden(request, "Tài khoản của bạn không thuộc cơ quan quản lý này.")
        request.portal_role = role
        return view(request, *args, **kwargs)

    return wrapped


def portal_admin_required(view):
    """For every view that changes something: admins only, inspectors get 403."""

    @portal_member_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.portal_role != ADMIN:
            return forbidden(
                request, "Tài khoản thanh tra chỉ được xem, không được thay đổi dữ liệu."
            )
        return view(request, *args, **kwargs)

    wrapped.portal_changes = True
    return wrapped
