"""Celery tasks of the school sites. They take schema names and ids, never model instances."""

import datetime as dt

from celery import shared_task
from django_tenants.utils import get_public_schema_name, schema_context

from sitepages.feedback import feedback_digest_send
from tenants.models import School


@shared_task(name="sitepages.send_feedback_digest", ignore_result=True, acks_late=True)
def send_feedback_digest(schema_name: str, page_id: int, since: str) -> int:
    """One e-mail with the feedback a school's form received since `since` (ISO 8601);
    nothing for a school that no longer exists."""
    with schema_context(get_public_schema_name()):
        if not School.objects.filter(schema_name=schema_name).exists():
            return 0
    with schema_context(schema_name):
        return feedback_digest_send(page_id=page_id, since=dt.datetime.fromisoformat(since))


@shared_task(name="sitepages.prepare_photo_renditions", ignore_result=True, acks_late=True)
def prepare_photo_renditions(schema_name: str, page_id: int) -> int:
    """Make the renditions of a published album's or news item's photos (idempotent: Wagtail
    keeps each rendition once); nothing for a school or page that no longer exists."""
    from sitepages.images import photo_renditions_prepare

    with schema_context(get_public_schema_name()):
        if not School.objects.filter(schema_name=schema_name).exists():
            return 0
    with schema_context(schema_name):
        from wagtail.models import Page

        page = Page.objects.filter(pk=page_id).first()
        return photo_renditions_prepare(page.specific) if page else 0
