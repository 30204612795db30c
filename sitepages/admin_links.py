"""Absolute links into a school's own admin, for e-mails: the school's host, never a global URL.

Wagtail writes the links in its notification and password-reset e-mails from one global
setting, WAGTAILADMIN_BASE_URL (STACK-NOTES); with one admin per school host, a link must
carry the host of the school whose schema is active when the e-mail is written. Wagtail sends
these e-mails synchronously from the request (its workflow signals), so the schema is the
school's.
"""

from django.conf import settings
from django.db import connection

from tenants.hosts import site_url


def school_admin_base_url() -> str:
    """`<scheme>://<school host>[:<port>]` of the active school, without a trailing slash.

    Scheme and port come from SITE_URL_SCHEME / SITE_URL_PORT. Outside a school (the public
    schema, the template schema, which has no domain) Wagtail's WAGTAILADMIN_BASE_URL.
    """
    tenant = getattr(connection, "tenant", None)
    get_primary_domain = getattr(tenant, "get_primary_domain", None)
    domain = get_primary_domain() if get_primary_domain else None
    if domain is None:
        return settings.WAGTAILADMIN_BASE_URL
    return site_url(domain.domain, "").rstrip("/")
