"""The Celery app. tenant-schemas-celery's app carries the sender's school schema to the worker,
so a task sent while serving a school runs in that school's schema."""

import os

from tenant_schemas_celery.app import CeleryApp

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "schoolhost.settings.dev")

app = CeleryApp("schoolhost")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
