"""Writes of the portal's own data: authority users and their memberships."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django_tenants.utils import get_public_schema_name, schema_context

from portal.models import AuthorityMembership
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
        raise AuthorityUserError(f"'{email}' is not a valid e-mail address") from None
    if role not in AuthorityMembership.Role.values:
        raise AuthorityUserError(
            f"unknown role '{role}'; use {' or '.join(AuthorityMembership.Role.values)}"
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
            membership, _ = AuthorityMembership.objects.update_or_create(
                user=user, authority=authority, defaults={"role": role}
            )
        return AuthorityUser(user=user, membership=membership, created=created)
