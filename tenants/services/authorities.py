"""Creating the bodies that oversee schools."""

from django.db import transaction

from tenants.models import Authority
from tenants.services.validation import code_from_name, host_taken_problem, hostname_problem


class AuthorityInputError(ValueError):
    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__("; ".join(f"{field}: {message}" for field, message in errors.items()))


@transaction.atomic
def authority_create(
    *,
    code: str,
    name: str,
    kind: str,
    parent_code: str | None = None,
    portal_domain: str | None = None,
) -> Authority:
    errors = {}
    code = (code or "").strip().lower()
    if not code or code != code_from_name(code) or len(code) > 32:
        errors["code"] = f"'{code}' is not a valid code: lowercase ASCII letters, digits and -"
    elif Authority.objects.filter(code=code).exists():
        errors["code"] = f"an authority with code {code} already exists"
    if not (name or "").strip():
        errors["name"] = "the authority's name is required"
    if kind not in Authority.Kind.values:
        errors["kind"] = f"unknown kind {kind}; use {', '.join(Authority.Kind.values)}"
    parent = None
    if parent_code:
        parent = Authority.objects.filter(code=parent_code).first()
        if parent is None:
            errors["parent"] = f"unknown authority {parent_code}"
    if portal_domain:
        portal_domain = portal_domain.strip().lower()
        problem = hostname_problem(portal_domain) or host_taken_problem(portal_domain)
        if problem:
            errors["domain"] = problem
    if errors:
        raise AuthorityInputError(errors)
    return Authority.objects.create(
        code=code, name=name.strip(), kind=kind, parent=parent, portal_domain=portal_domain or None
    )
