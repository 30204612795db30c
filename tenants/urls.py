"""URLs of the public schema: the platform's landing page and each authority's portal.

No app namespace here: the portal and the open-data API bring their own (`portal:`, `api:`),
and `portal_home` is the root of every public-schema host.
"""

from django.urls import include, path

from tenants import views

urlpatterns = [
    path("", views.portal_home, name="portal_home"),
    path("api/v1/", include("compliance.api.urls")),
    path("", include("compliance.portal.urls")),
]
