"""`school_provision`: the one way a school comes to exist (CLI, authority portal, bulk import).

One transaction: claim a pooled schema (or clone the template), insert the School and its
Domain, then inside the new schema point the Wagtail Site at the school's host, name the home
page, complete the section tree for the school's levels and create the principal's account.
PostgreSQL DDL is transactional, so any failure leaves no school, domain or schema behind.
"""

import time
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django_tenants.utils import get_public_schema_name, schema_context

from tenants.hosts import site_port, site_url
from tenants.models import Authority, Domain, School
from tenants.services import pool
from tenants.services.principal import principal_account_create, set_password_url
from tenants.services.template import pages_publish_log, pages_publish_unlogged
from tenants.services.validation import school_input_validate
from tenants.signals import school_provisioned
from tenants.site_builder import school_site_builder


@dataclass(frozen=True)
class ProvisionedSchool:
    school: School
    domain: str
    url: str
    admin_url: str
    principal_username: str | None
    set_password_url: str | None
    source: str  # "pool" or "clone": how the schema was made
    seconds: float = field(default=0.0)

    def as_dict(self) -> dict:
        return {
            "schema_name": self.school.schema_name,
            "code": self.school.code,
            "name": self.school.name,
            "levels": self.school.levels,
            "authority": self.school.authority.code,
            "domain": self.domain,
            "url": self.url,
            "admin_url": self.admin_url,
            "principal_username": self.principal_username,
            "set_password_url": self.set_password_url,
            "schema_source": self.source,
            "seconds": round(self.seconds, 3),
        }


def school_provision(
    *,
    authority: Authority | None,
    name: str,
    levels: str | list[str],
    domain: str,
    code: str | None = None,
    schema_name: str | None = None,
    principal_email: str | None = None,
    serves_meals: bool = False,
) -> ProvisionedSchool:
    """Create a ready-to-use school; raises SchoolInputError (nothing created) on bad input.

    Every text argument may arrive as people typed or pasted it (NFD, stray spaces, a host in
    capitals or in Unicode): `school_input_validate` brings it to the stored form first.
    """
    started = time.perf_counter()
    with schema_context(get_public_schema_name()):
        checked = school_input_validate(
            authority=authority,
            name=name,
            levels=levels,
            domain=domain,
            code=code,
            schema_name=schema_name,
            principal_email=principal_email,
        )
        name, levels, domain = checked.name, checked.levels, checked.domain
        code, schema_name = checked.code, checked.schema_name
        principal_email = checked.principal_email
        with transaction.atomic():
            source = "pool" if pool.pool_claim(schema_name=schema_name) else "clone"
            if source == "clone":
                pool.schema_clone_from_template(schema_name)
            school = School.objects.create(
                schema_name=schema_name,
                name=name,
                code=code,
                levels=levels,
                authority=authority,
                principal_email=principal_email or "",
                serves_meals=serves_meals,
            )
            Domain.objects.create(domain=domain, tenant=school, is_primary=True)
            with schema_context(schema_name):
                _site_set_up(school=school, domain=domain)
                principal = _principal_create(email=principal_email) if principal_email else None
                set_password_url = _set_password_url(principal, domain) if principal else None
            school_provisioned.send(sender=School, school=school)
            transaction.on_commit(_pool_refill_later)
        return ProvisionedSchool(
            school=school,
            domain=domain,
            url=site_url(domain),
            admin_url=site_url(domain, "/admin/"),
            principal_username=principal.get_username() if principal else None,
            set_password_url=set_password_url,
            source=source,
            seconds=time.perf_counter() - started,
        )


def _site_set_up(*, school: School, domain: str) -> None:
    school_site_builder().school_build(school=school, hostname=domain, port=site_port())
    pages_publish_log()
    pages_publish_unlogged()


def _principal_create(*, email: str):
    """The principal's editor account, without a password until they set one."""
    return principal_account_create(email=email)


def _set_password_url(user, domain: str) -> str:
    """A one-time link: the token is tied to the password hash, so it dies once used."""
    return set_password_url(user, domain)


def _pool_refill_later() -> None:
    if settings.SCHOOL_SCHEMA_POOL_SIZE <= 0:
        return
    from tenants.tasks import schema_pool_refill

    try:
        schema_pool_refill.delay()
    except Exception:  # noqa: BLE001 — a missing broker must never fail a created school
        import logging

        logging.getLogger(__name__).warning("could not queue the schema pool refill", exc_info=True)
