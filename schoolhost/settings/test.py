"""The test suite: real PostgreSQL and Redis, fast password hashing, in-memory e-mail."""

import os

from .base import *  # noqa: F403
from .base import BASE_DIR, CACHES, DATABASES, INSTALLED_APPS, REDIS_URL, TENANT_APPS

DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# A test that runs a Celery worker process points it at the test's own SMTP server
# (tests/sitepages/test_subscriptions_worker.py).
if os.environ.get("TEST_EMAIL_PORT"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST, EMAIL_PORT = "127.0.0.1", int(os.environ["TEST_EMAIL_PORT"])
# `make test` runs the suite on three pytest-xdist processes (gw0–gw2). pytest-django gives each
# its own test database; here each gets its own cache key prefix, broker database and backup
# folder, so that one process's real Celery worker never takes the other's tasks and neither
# empties the other's queue. A worker process a test starts is handed the values themselves.
XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")  # "gw0", "gw1"…, or "" without xdist
_XDIST_INDEX = int(XDIST_WORKER[2:]) if XDIST_WORKER.startswith("gw") else 0
CACHES["default"]["KEY_PREFIX"] = (
    os.environ.get("CACHE_KEY_PREFIX", "schoolhost-test") + XDIST_WORKER
)
# Tests provision schools from an empty pool unless they ask for one.
SCHOOL_SCHEMA_POOL_SIZE = 0
CELERY_TASK_ALWAYS_EAGER = False
# Tests talk to a real broker, on their own Redis database so that a demo worker never picks
# up a test's task (and the other way round).
_BROKER, _BROKER_DB = os.environ.get(
    "TEST_CELERY_BROKER_URL", REDIS_URL.rsplit("/", 1)[0] + "/15"
).rsplit("/", 1)
CELERY_BROKER_URL = f"{_BROKER}/{(int(_BROKER_DB) - _XDIST_INDEX) % 16}"
if XDIST_WORKER:
    SCHOOL_BACKUP_DIR = BASE_DIR / "var" / f"backups-test-{XDIST_WORKER}"
# A test database need not survive a power cut: commits stop waiting for the WAL flush, and the
# suite (thousands of transactions, each clone or rollback a burst of DDL) stops waiting on fsync.
DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c synchronous_commit=off"
# The demo data and its commands (production installs neither the app nor time-machine).
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]
# A real tenant migration (a column and an index on the page table) for the tests of
# migrations across many schools (tests/tenants/test_school_migrations.py).
TENANT_APPS = [*TENANT_APPS, "bench.migration_probe"]
INSTALLED_APPS = [*INSTALLED_APPS, "bench.migration_probe"]
