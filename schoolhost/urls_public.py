"""URLs of the public schema: the platform landing page and each authority's portal."""

from django.conf import settings
from django.urls import include, path

urlpatterns = [
    path("", include("tenants.urls")),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
