"""Views that every host has, whichever URLconf serves it: the favicon and the CSRF failure page.

The CSRF failure view is one setting (`CSRF_FAILURE_VIEW`) for the whole project; it sends a
school's host to the school's error page (`sitepages.error_views`) and any other host to the
portal's (`portal.views.errors`), so both look like the site the visitor was on.
"""

from pathlib import Path

from django.db import connection
from django.http import HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from django_tenants.utils import get_public_schema_name

from portal.views import errors as portal_errors
from sitepages import error_views as school_errors

FAVICON = Path(__file__).resolve().parent / "assets" / "favicon.ico"


@require_safe
@cache_control(public=True, max_age=86400)
def favicon(request):
    """`/favicon.ico` (16, 32 and 48 px): browsers ask every host for it."""
    return HttpResponse(FAVICON.read_bytes(), content_type="image/x-icon")


def csrf_failure(request, reason=""):
    """403 in the look of the host the form was posted to, saying what to do in Vietnamese."""
    if connection.schema_name != get_public_schema_name():
        return school_errors.csrf_failure(request, reason)
    return portal_errors.csrf_failure(request, reason)
