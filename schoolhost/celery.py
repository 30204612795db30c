"""The Celery app. tenant-schemas-celery's app carries the sender's school schema to the worker,
so a task sent while serving a school runs in that school's schema."""

import os

from celery.signals import task_prerun
from tenant_schemas_celery.app import CeleryApp

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "schoolhost.settings.dev")

app = CeleryApp("schoolhost")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@task_prerun.connect
def _connections_checked(sender=None, **_kwargs) -> None:
    """Before each task a worker runs, what Django does before each request: close a connection
    that has failed (a restarted PostgreSQL) or outlived CONN_MAX_AGE, and health-check the one
    kept. Celery's own close after every task is held back by CELERY_DB_REUSE_MAX (settings), so
    a worker keeps its connection and its PostgreSQL backend's warm caches between tasks. A task
    applied in the calling process (`.apply()`) is left alone, as Celery's fixup does: its
    caller's connection may be inside a transaction."""
    if sender is not None and getattr(sender.request, "is_eager", False):
        return
    from django.db import close_old_connections

    close_old_connections()
