"""URLs of the public schema: every host that is not a school's (the platform's own hosts and
each authority's portal host, told apart by tenants/middleware.py).

The portal owns the root and decides what each host shows (portal/views/home.py); the
open-data API lives under /api/v1/ and the reminders' preferences page under /thong-bao/.
Each app brings its namespace (`portal:`, `opendata:`, `reminders:`).
"""

from django.conf import settings
from django.urls import include, path

from schoolhost.views import favicon

# Error pages in the portal's look (portal/views/errors.py); CSRF failure: CSRF_FAILURE_VIEW.
handler400 = "portal.views.errors.bad_request"
handler403 = "portal.views.errors.permission_denied"
handler404 = "portal.views.errors.page_not_found"
handler500 = "portal.views.errors.server_error"

urlpatterns = [
    path("favicon.ico", favicon, name="favicon"),
    path("api/v1/", include("opendata.urls")),
    path("", include("reminders.urls")),
    path("", include("portal.urls")),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
