"""schoolhost: the Django project package (settings, URL configurations, Celery app)."""

from .celery import app as celery_app

__all__ = ["celery_app"]
