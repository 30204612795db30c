"""How `tenants` has a school's site built without importing the app that knows what a site is.

Provisioning (services/provisioning.py) and the template schema (services/template.py) need a
school's Wagtail site: a home page on the school's host, the section tree for its levels, the
principal's role. That knowledge lives in `sitepages`, above `tenants` in the apps' one-way
order (docs/architecture.md), so the builder is named by a setting, `SCHOOL_SITE_BUILDER`, the
way django-tenants names its migration executor (`GET_EXECUTOR_FUNCTION`). Chosen over a signal
or a registry filled in `AppConfig.ready()`: the setting says in one greppable place which app
builds sites, the call is explicit and ordered, and it returns what the caller needs (the
version that goes into the template's fingerprint).
"""

from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string


class SchoolSiteBuilder(Protocol):
    """What `tenants` asks of the site builder. Every method runs inside the schema it builds."""

    #: Changes whenever what `template_build` makes changes: part of the template fingerprint,
    #: so pooled schemas cloned from an older template are dropped, never handed out.
    version: str

    def template_build(self, *, hostname: str) -> None:
        """What every school shares (home page, sections), built once in the template schema."""

    def school_build(self, *, school, hostname: str, port: int) -> None:
        """Make a fresh clone `school`'s own site: its host and name, its levels' sections."""

    def principal_grant(self, user) -> None:
        """Give a new principal's account the principal's role in the school's site."""

    def site_rehost(self, *, hostname: str, port: int) -> None:
        """Point a restored school's existing site at its new host (nothing else changes)."""


def school_site_builder() -> SchoolSiteBuilder:
    """The builder named by `settings.SCHOOL_SITE_BUILDER` (a dotted path to a class)."""
    return import_string(settings.SCHOOL_SITE_BUILDER)()
