"""Authority users and their memberships: create (the command), invite, change role,
deactivate (the workplace's /quan-ly/nguoi-dung/). An authority always keeps an admin."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _
from django_tenants.utils import get_public_schema_name, schema_context

from portal.models import AuditEntry, AuthorityMembership
from tenants.models import Authority


class AuthorityUserError(ValueError):
    pass


@dataclass(frozen=True)
class AuthorityUser:
    user: object
    membership: AuthorityMembership
    created: bool


def authority_user_create(
    *, authority: Authority, email: str, role: str, password: str | None = None
) -> AuthorityUser:
    """Create (or update) a public-schema user with a membership of the authority.

    The username is the lower-cased e-mail. Re-running it for the same address changes the
    role (and the password when one is given) instead of creating a second account. Without a
    password the account has an unusable one until the user sets theirs through a link.
    """
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise AuthorityUserError(
            _("“%(email)s” không phải là một địa chỉ e-mail hợp lệ, ví dụ chuyenvien@xa.gov.vn.")
            % {"email": email}
        ) from None
    if role not in AuthorityMembership.Role.values:
        raise AuthorityUserError(
            _("Vai trò “%(role)s” không có; chọn %(roles)s.")
            % {
                "role": role,
                "roles": _(" hoặc ").join(
                    f"{value} ({label})" for value, label in AuthorityMembership.Role.choices
                ),
            }
        )
    # Authority users live in the public schema's auth tables, never in a school's.
    with schema_context(get_public_schema_name()):
        User = get_user_model()
        with transaction.atomic():
            user, created = User.objects.get_or_create(username=email, defaults={"email": email})
            if password:
                user.set_password(password)
                user.save(update_fields=["password"])
            elif created:
                user.set_unusable_password()
                user.save(update_fields=["password"])
            membership, _created = AuthorityMembership.objects.update_or_create(
                user=user, authority=authority, defaults={"role": role}
            )
        return AuthorityUser(user=user, membership=membership, created=created)


def _admins_left(authority: Authority, *, without: int) -> int:
    return (
        AuthorityMembership.objects.filter(
            authority=authority, role=AuthorityMembership.Role.ADMIN, user__is_active=True
        )
        .exclude(pk=without)
        .count()
    )


def authority_user_invite(*, authority: Authority, email: str, role: str, actor: str):
    """Give `email` a role on the authority (the account is made without a password) and
    e-mail them a set-password link on the portal's host; audited. Returns (AuthorityUser,
    sent). Raises AuthorityUserError (Vietnamese) on a bad address or role."""
    from portal.services.audit import audit_record
    from portal.services.mail import authority_user_invitation_mail

    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise AuthorityUserError(
            _("“%(email)s” không phải là một địa chỉ e-mail hợp lệ, ví dụ chuyenvien@xa.gov.vn.")
            % {"email": email}
        ) from None
    if role not in AuthorityMembership.Role.values:
        raise AuthorityUserError(_("Vai trò không hợp lệ."))
    existing = AuthorityMembership.objects.filter(authority=authority, user__username=email).first()
    if existing and existing.role == AuthorityMembership.Role.ADMIN and role != existing.role:
        if not _admins_left(authority, without=existing.pk):
            raise AuthorityUserError(_LAST_ADMIN())
    with transaction.atomic():
        created = authority_user_create(authority=authority, email=email, role=role)
        if not created.user.is_active:
            created.user.is_active = True
            created.user.save(update_fields=["is_active"])
        audit_record(
            authority=authority,
            actor=actor,
            action=AuditEntry.Action.USER_INVITE,
            target=email,
            before={"role": existing.role} if existing else {},
            after={"role": role},
        )
    sent = authority_user_invitation_mail(
        user=created.user,
        authority=authority,
        role_label=str(AuthorityMembership.Role(role).label),
    )
    return created, sent


def _LAST_ADMIN() -> str:
    return _(
        "Không thể bỏ quyền quản trị của người quản trị cuối cùng; hãy mời hoặc chỉ định một "
        "quản trị viên khác trước."
    )


def authority_user_role_change(
    *, membership: AuthorityMembership, role: str, actor: str
) -> AuthorityMembership:
    """Change a member's role; the last active admin of the authority cannot be demoted."""
    from portal.services.audit import audit_record

    if role not in AuthorityMembership.Role.values:
        raise AuthorityUserError(_("Vai trò không hợp lệ."))
    with transaction.atomic():
        membership = AuthorityMembership.objects.select_for_update().get(pk=membership.pk)
        before = membership.role
        if before == AuthorityMembership.Role.ADMIN and role != before:
            if not _admins_left(membership.authority, without=membership.pk):
                raise AuthorityUserError(_LAST_ADMIN())
        membership.role = role
        membership.save(update_fields=["role"])
        audit_record(
            authority=membership.authority,
            actor=actor,
            action=AuditEntry.Action.USER_ROLE,
            target=membership.user.get_username(),
            before={"role": before},
            after={"role": role},
        )
    return membership


def authority_user_deactivate(*, membership: AuthorityMembership, actor: str) -> None:
    """Take the user off the authority (their membership goes); an account left without any
    membership is deactivated so it can no longer log in anywhere. The last active admin of
    the authority cannot be removed."""
    from portal.services.audit import audit_record

    with transaction.atomic():
        membership = AuthorityMembership.objects.select_for_update().get(pk=membership.pk)
        if membership.role == AuthorityMembership.Role.ADMIN and not _admins_left(
            membership.authority, without=membership.pk
        ):
            raise AuthorityUserError(_LAST_ADMIN())
        user = membership.user
        audit_record(
            authority=membership.authority,
            actor=actor,
            action=AuditEntry.Action.USER_DEACTIVATE,
            target=user.get_username(),
            before={"role": membership.role},
        )
        membership.delete()
        if not user.authority_memberships.exists():
            user.is_active = False
            user.save(update_fields=["is_active"])
