"""Host → school (or authority portal) resolution, before anything else runs.

A school host is served from that school's schema; an authority's portal host and the
platform's own hosts from the public schema. An unknown host gets a clear 404 page and a
suspended school a polite 503: neither ever falls back to another school's content.
Hosts are matched in their stored form (tenants/hosts.py): any case, with or without a
trailing dot.
"""

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.db import connection
from django.http.request import split_domain_port
from django.shortcuts import render
from django.urls import set_urlconf
from django_tenants.middleware.main import TenantMainMiddleware
from django_tenants.utils import get_public_schema_name, remove_www
from wagtail.contrib.redirects.middleware import RedirectMiddleware

from tenants.hosts import host_for_lookup
from tenants.selectors import authority_for_host, school_for_host


class SchoolTenantMiddleware(TenantMainMiddleware):
    @staticmethod
    def hostname_from_request(request):
        """The request's host in stored form: Django's own split lower-cases it and drops the
        port and a trailing dot (`THCS-A.LOCALHOST.:8000` → `thcs-a.localhost`); django-tenants'
        version keeps the case and the dot, so such a host would match no school."""
        domain, _port = split_domain_port(request.get_host())
        return remove_www(domain)

    def process_request(self, request):
        # Every request starts in public, whatever the last one on this connection left; a reset,
        # not a switch to undo, so not a schema_context (django-tenants' middleware does the same).
        connection.set_schema_to_public()
        try:
            hostname = self.hostname_from_request(request)
        except DisallowedHost:
            return unknown_host_response(request, hostname="")

        request.authority = None
        school = school_for_host(hostname)
        if school is None:
            authority = authority_for_host(hostname)
            platform_hosts = {host_for_lookup(host) for host in settings.PLATFORM_HOSTS}
            if authority is None and hostname not in platform_hosts:
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
