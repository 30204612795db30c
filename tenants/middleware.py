"""Host → school (or authority portal) resolution, before anything else runs.

A school host is served from that school's schema; an authority's portal host and the
platform's own hosts from the public schema. An unknown host gets a clear 404 page and a
suspended school a polite 503: neither ever falls back to another school's content.
"""

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.db import connection
from django.shortcuts import render
from django.urls import set_urlconf
from django_tenants.middleware.main import TenantMainMiddleware
from django_tenants.utils import get_public_schema_name
from wagtail.contrib.redirects.middleware import RedirectMiddleware

from tenants.selectors import authority_for_host, school_for_host


class SchoolTenantMiddleware(TenantMainMiddleware):
    def process_request(self, request):
        connection.set_schema_to_public()
        try:
            hostname = self.hostname_from_request(request)
        except DisallowedHost:
            return unknown_host_response(request, hostname="")

        request.authority = None
        school = school_for_host(hostname)
        if school is None:
            authority = authority_for_host(hostname)
            if authority is None and hostname not in settings.PLATFORM_HOSTS:
                return unknown_host_response(request, hostname=hostname)
            request.authority = authority
            request.tenant = connection.tenant
            request.urlconf = settings.PUBLIC_SCHEMA_URLCONF
            set_urlconf(request.urlconf)
            return None

        if school.is_suspended:
            response = render(
                request, "errors/school_suspended.html", {"school": school}, status=503
            )
            response["Retry-After"] = "3600"
            response["Cache-Control"] = "no-store"
            return response
        school.domain_url = hostname
        request.tenant = school
        connection.set_tenant(school)
        self.setup_url_routing(request)
        return None


def unknown_host_response(request, *, hostname: str):
    response = render(request, "errors/unknown_host.html", {"hostname": hostname}, status=404)
    response["Cache-Control"] = "no-store"
    return response


class SchoolRedirectMiddleware(RedirectMiddleware):
    """Wagtail's redirects, only where they exist: in school schemas, not the public one."""

    def process_response(self, request, response):
        if connection.schema_name == get_public_schema_name():
            return response
        return super().process_response(request, response)
