"""Checks on what people type when they create a school, each with a specific message.

Vietnamese names with diacritics are welcome; the short code and the schema name derived from
them are ASCII (`THCS Nguyễn Du` → code `thcs-nguyen-du`, schema `thcs_nguyen_du`).
"""

import re

from anyascii import anyascii
from django.conf import settings
from django.utils.text import slugify

from tenants.models import Authority, Domain, Level, School

HOST_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
SCHEMA_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
POOL_PREFIX = "pool_"
RESERVED_SCHEMAS = {"public", "information_schema"}


class SchoolInputError(ValueError):
    """Input that cannot make a school; `errors` maps a field name to what is wrong with it."""

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__("; ".join(f"{field}: {message}" for field, message in errors.items()))


def levels_parse(value: str | list[str]) -> list[str]:
    """`"primary,lower_secondary"` → `["primary", "lower_secondary"]`, in the canonical order."""
    items = value.split(",") if isinstance(value, str) else list(value)
    items = [item.strip() for item in items if item.strip()]
    valid = list(Level.values)
    unknown = [item for item in items if item not in valid]
    if unknown:
        raise SchoolInputError(
            {"levels": f"unknown level(s) {', '.join(unknown)}; use {', '.join(valid)}"}
        )
    if not items:
        raise SchoolInputError({"levels": f"give at least one level: {', '.join(valid)}"})
    return [level for level in valid if level in items]


def hostname_problem(hostname: str) -> str | None:
    """Why `hostname` cannot be a site's host name, or None when it can."""
    if not hostname:
        return "a host name is required, e.g. thcs-nguyen-du.localhost"
    if len(hostname) > 253:
        return "a host name has at most 253 characters"
    if not hostname.isascii():
        return f"'{hostname}' is not a valid host name: use ASCII letters (no diacritics)"
    labels = hostname.split(".")
    if len(labels) < 2:
        return f"'{hostname}' is not a valid host name: it needs a dot, e.g. {hostname}.edu.vn"
    for label in labels:
        if not HOST_LABEL.match(label):
            return (
                f"'{hostname}' is not a valid host name: each part between dots is 1–63 "
                "letters, digits or hyphens, not starting or ending with a hyphen"
            )
    return None


def host_taken_problem(hostname: str) -> str | None:
    if Domain.objects.filter(domain=hostname).exists():
        return f"the host name {hostname} is already used by another school"
    if Authority.objects.filter(portal_domain=hostname).exists():
        return f"the host name {hostname} is an authority's portal"
    if hostname in settings.PLATFORM_HOSTS:
        return f"the host name {hostname} is reserved for the platform"
    return None


def code_from_name(name: str) -> str:
    """An ASCII short code for a school name (`Trường MN Hoa Sen` → `truong-mn-hoa-sen`)."""
    return slugify(anyascii(name))[:63].strip("-")


def schema_name_problem(schema_name: str) -> str | None:
    template = settings.SCHOOL_TEMPLATE_SCHEMA
    if not SCHEMA_NAME.match(schema_name):
        return (
            f"'{schema_name}' is not a valid schema name: lowercase ASCII letters, digits and "
            "underscores, at most 63, not starting with a digit"
        )
    if schema_name in RESERVED_SCHEMAS or schema_name.startswith("pg_"):
        return f"'{schema_name}' is reserved by PostgreSQL"
    if schema_name == template or schema_name.startswith(POOL_PREFIX):
        return f"'{schema_name}' is reserved for the platform's template schemas"
    return None


def schema_name_for_code(code: str) -> str:
    schema = code.replace("-", "_")
    return f"s_{schema}"[:63] if schema[:1].isdigit() else schema


def unique_code(base: str) -> str:
    """`base`, or `base-2`, `base-3`… when another school already has it."""
    taken = set(School.objects.filter(code__startswith=base).values_list("code", flat=True))
    if base not in taken:
        return base
    n = 2
    while f"{base[:58]}-{n}" in taken:
        n += 1
    return f"{base[:58]}-{n}"
