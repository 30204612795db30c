"""A developer's machine and `make demo`: debug on, every host allowed, console e-mail."""

import os

from .base import *  # noqa: F403

DEBUG = True
ALLOWED_HOSTS = ["*"]
SITE_URL_PORT = os.environ.get("SITE_URL_PORT", "8000")
