"""Views of the public schema (thin: they call selectors and render)."""

from django.shortcuts import render

from tenants.selectors import authorities_with_schools, schools_of_authority


def portal_home(request):
    """An authority's host lists its schools; a platform host lists every authority."""
    authority = getattr(request, "authority", None)
    if authority is None:
        return render(
            request, "tenants/platform_home.html", {"authorities": authorities_with_schools()}
        )
    return render(
        request,
        "tenants/authority_home.html",
        {"authority": authority, "schools": schools_of_authority(authority)},
    )
