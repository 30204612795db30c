"""URLs of a school's host: its Wagtail admin and its public Wagtail site."""

from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from schoolhost.views import favicon

# Error pages in the school's look (sitepages/error_views.py); the CSRF failure page is
# CSRF_FAILURE_VIEW (schoolhost/views.py), shared with the public hosts.
handler400 = "sitepages.error_views.bad_request"
handler403 = "sitepages.error_views.permission_denied"
handler404 = "sitepages.error_views.page_not_found"
handler500 = "sitepages.error_views.server_error"

urlpatterns = [
    path("favicon.ico", favicon, name="favicon"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("sitepages.urls")),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
if settings.DEBUG or settings.SERVE_MEDIA:
    # The demo serves uploads itself with DEBUG off (runserver --insecure serves /static/);
    # production leaves /media/ to nginx (deploy/).
    from django.urls import re_path
    from django.views.static import serve

    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ]

urlpatterns += [path("", include(wagtail_urls))]
