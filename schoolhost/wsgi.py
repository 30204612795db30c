"""WSGI entry point (gunicorn schoolhost.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "schoolhost.settings.production")

application = get_wsgi_application()
