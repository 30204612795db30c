"""Production: everything from the environment, and a refusal to start when unsafe."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, SECRET_KEY

DEBUG = os.environ.get("DEBUG", "0").lower() in {"1", "true", "yes"}
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "0").lower() in {"1", "true", "yes"}
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = os.environ.get("SECURE_COOKIES", "1").lower() in {
    "1",
    "true",
    "yes",
}
# Browsers keep to HTTPS for a year once they have seen a school's host over HTTPS. Not for
# subdomains: a school's host does not speak for the hosts below it.
SECURE_HSTS_SECONDS = int(os.environ.get("HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = False


def unsafe_production_settings(*, debug: bool, secret_key: str, allowed_hosts: list) -> list[str]:
    """Why production must not start: one message per unsafe setting (empty when safe)."""
    problems = []
    if debug:
        problems.append("DEBUG is on: set DEBUG=0.")
    if not secret_key or secret_key.startswith("dev-insecure") or len(secret_key) < 32:
        problems.append(
            "SECRET_KEY is missing, the development default or shorter than 32 characters."
        )
    if not allowed_hosts:
        problems.append("ALLOWED_HOSTS is empty: list the host names, e.g. '.truong.edu.vn'.")
    return problems


_problems = unsafe_production_settings(
    debug=DEBUG, secret_key=SECRET_KEY, allowed_hosts=ALLOWED_HOSTS
)
if _problems:
    raise ImproperlyConfigured("Refusing to start in production: " + " ".join(_problems))
