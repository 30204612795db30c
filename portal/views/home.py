"""The root of every public-schema host: which public host shows what.

The tenant middleware (tenants/middleware.py) has already told schools from the rest and set
`request.authority` for an authority's portal host. Here: the platform's host lists the
authorities; an authority's host shows its members the oversight dashboard and everyone else
(parents, the press) its schools' websites and its published monthly reports.
"""

from django.shortcuts import render

from portal.permissions import request_role
from portal.views.dashboard import dashboard
from reports.selectors import published_reports
from tenants.selectors import authorities_with_schools, schools_of_authority


def home(request):
    authority = getattr(request, "authority", None)
    if authority is None:
        return render(
            request, "portal/platform_home.html", {"authorities": authorities_with_schools()}
        )
    if request_role(request) is not None:
        return dashboard(request)
    return render(
        request,
        "portal/authority_home.html",
        {
            "authority": authority,
            "schools": schools_of_authority(authority),
            "reports": published_reports(authority=authority)[:12],
        },
    )
