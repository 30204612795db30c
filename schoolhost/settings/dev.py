"""A developer's machine and `make demo`: debug on, every host allowed, console e-mail."""

import os

from .base import *  # noqa: F403
from .base import INSTALLED_APPS

DEBUG = os.environ.get("DEBUG", "1").lower() in {"1", "true", "yes"}
ALLOWED_HOSTS = ["*"]
# `make demo` runs with DEBUG=0 (parents and inspectors see the real error pages, never the
# debug page); Django then still serves the uploads.
SERVE_MEDIA = True
SITE_URL_PORT = os.environ.get("SITE_URL_PORT", "8000")
# The demo data and its commands (production installs neither the app nor time-machine).
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]
# The demo's nginx passes the host without its port (as production's, on 80/443), so a form
# posted from http://<school>.localhost:8000 has an Origin Django would not match: scripts/
# run-demo.sh names the demo's origins (e.g. http://*.localhost:8000).
CSRF_TRUSTED_ORIGINS = [
    origin for origin in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if origin
]
