"""A school's principal account and the one-time link that lets them set a password.

The account lives in the school's own schema (school staff never log in elsewhere); the link
is on the school's own host (`site_url`), never the global WAGTAILADMIN_BASE_URL, and its token
is tied to the password hash, so it dies once used and a resent link replaces nothing.
Callers: provisioning (a new school), the portal's school page (resend, change the principal).
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django_tenants.utils import get_public_schema_name, schema_context

from tenants.hosts import site_url
from tenants.models import School
from tenants.selectors import school_primary_host
from tenants.services.validation import SchoolInputError, email_problem
from tenants.site_builder import school_site_builder
from tenants.text import line_clean


@dataclass(frozen=True)
class PrincipalInvitation:
    """Who the invitation is for and the link to send them (on the school's host)."""

    school: School
    email: str
    host: str  # the school's primary host, where the link and the admin are
    set_password_url: str
    has_password: bool  # the account already has a usable password (the link still resets it)


def principal_account_create(*, email: str):
    """The principal's editor account in the current (school) schema, without a password until
    they set one; an existing account with that e-mail is reused and given the role."""
    User = get_user_model()
    email = email.lower()
    user = User.objects.filter(username=email).first()
    if user is None:
        user = User.objects.create_user(username=email, email=email)
        user.set_unusable_password()
        user.save(update_fields=["password"])
    school_site_builder().principal_grant(user)
    return user


def set_password_url(user, domain: str) -> str:
    """A one-time set-password link for `user` (of the current schema) on `domain`."""
    path = reverse(
        "wagtailadmin_password_reset_confirm",
        urlconf=settings.ROOT_URLCONF,
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return site_url(domain, path)


def principal_invitation(*, school: School) -> PrincipalInvitation:
    """A fresh set-password link for the school's principal (the account is made if missing).

    Raises SchoolInputError({"principal_email": …}) when the school has no principal e-mail,
    SchoolInputError({"domain": …}) when it has no host."""
    email = (school.principal_email or "").strip().lower()
    if not email:
        raise SchoolInputError({"principal_email": _("trường chưa có e-mail hiệu trưởng.")})
    with schema_context(get_public_schema_name()):
        host = school_primary_host(school)
    if not host:
        raise SchoolInputError({"domain": _("trường chưa có tên miền.")})
    with schema_context(school.schema_name):
        user = principal_account_create(email=email)
        return PrincipalInvitation(
            school=school,
            email=email,
            host=host,
            set_password_url=set_password_url(user, host),
            has_password=user.has_usable_password(),
        )


def school_principal_change(*, school: School, email: str) -> PrincipalInvitation:
    """Make `email` the school's principal: the School row records it, the account (new or
    existing) gets the principal's role in the school's site, and a set-password link is
    returned for the invitation. The former principal's account is left as it is (the school
    removes or keeps it in its own admin). Raises SchoolInputError on a bad address."""
    email = line_clean(email).lower()
    problem = email_problem(email) if email else _("cần có địa chỉ e-mail.")
    if problem:
        raise SchoolInputError({"principal_email": problem})
    with schema_context(get_public_schema_name()):
        with transaction.atomic():
            school.principal_email = email
            school.save(update_fields=["principal_email"])
            return principal_invitation(school=school)
