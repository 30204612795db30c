"""Views of the public schema (thin: they call selectors and render).

The root of a public-schema host: the platform's list of authorities; on an authority's host,
the oversight dashboard for its members and, for everyone else (parents, the press), the list
of its schools' websites and its published monthly reports.
"""

from django.shortcuts import render

from compliance.portal.permissions import request_role
from reports.selectors import published_reports
from tenants.selectors import authorities_with_schools, schools_of_authority


def portal_home(request):
    authority = getattr(request, "authority", None)
    if authority is None:
        return render(
            request, "tenants/platform_home.html", {"authorities": authorities_with_schools()}
        )
    if request_role(request) is not None:
        from compliance.portal.views.dashboard import dashboard

        return dashboard(request)
    return render(
        request,
        "tenants/authority_home.html",
        {
            "authority": authority,
            "schools": schools_of_authority(authority),
            "reports": published_reports(authority=authority)[:12],
        },
    )
