"""Celery tasks of the school sites. They take schema names and ids, never model instances."""

import datetime as dt
import smtplib

from celery import shared_task
from django.utils import timezone
from django_tenants.utils import get_public_schema_name, schema_context

from sitepages.feedback import feedback_digest_send
from sitepages.subscriptions.services import (
    page_subscribers_notify,
    subscription_confirmation_send,
)
from sitepages.subscriptions.sweep import recent_notice_page_ids, schemas_with_recent_notices
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


def _school_exists(schema_name: str) -> bool:
    with schema_context(get_public_schema_name()):
        return School.objects.filter(schema_name=schema_name).exists()


@shared_task(
    name="sitepages.send_subscription_confirmation",
    ignore_result=True,
    acks_late=True,
    autoretry_for=(OSError, smtplib.SMTPException),
    dont_autoretry_for=(smtplib.SMTPRecipientsRefused,),  # a mistyped address stays refused
    retry_backoff=30,
    max_retries=5,
)
def send_subscription_confirmation(schema_name: str, email: str, topics: list[str]) -> None:
    """The confirmation e-mail of a subscription request (sitepages.subscriptions)."""
    if not _school_exists(schema_name):
        return
    with schema_context(schema_name):
        subscription_confirmation_send(email=email, topics=topics)


@shared_task(
    name="sitepages.send_page_to_subscribers",
    ignore_result=True,
    acks_late=True,
    autoretry_for=(OSError, smtplib.SMTPException),
    retry_backoff=60,
    max_retries=8,
)
def send_page_to_subscribers(schema_name: str, page_id: int) -> int:
    """A just-published urgent notice or weekly plan to its subscribers, in batches; a
    redelivered or retried task skips whoever already got it. Returns the number sent."""
    if not _school_exists(schema_name):
        return 0
    with schema_context(schema_name):
        return page_subscribers_notify(page_id=page_id, now=timezone.now())


@shared_task(name="sitepages.subscriptions_sweep", ignore_result=True)
def subscriptions_sweep() -> int:
    """Beat, every 10 minutes: one task per school that may have a notice its subscribers
    were not sent (sitepages/subscriptions/sweep.py). Returns the number of schools."""
    with schema_context(get_public_schema_name()):
        schemas = list(School.objects.real().active().values_list("schema_name", flat=True))
        found = schemas_with_recent_notices(schemas, now=timezone.now())
    for schema_name in found:
        send_unsent_notices.delay(schema_name)
    return len(found)


@shared_task(
    name="sitepages.send_unsent_notices",
    ignore_result=True,
    acks_late=True,
    autoretry_for=(OSError, smtplib.SMTPException),
    retry_backoff=60,
    max_retries=8,
)
def send_unsent_notices(schema_name: str) -> int:
    """A school's recent notice pages to whoever of their subscribers has not had them."""
    if not _school_exists(schema_name):
        return 0
    now = timezone.now()
    with schema_context(schema_name):
        return sum(
            page_subscribers_notify(page_id=page_id, now=now)
            for page_id in recent_notice_page_ids(now=now)
        )


@shared_task(name="sitepages.prepare_photo_renditions", ignore_result=True, acks_late=True)
def prepare_photo_renditions(schema_name: str, page_id: int) -> int:
    """Make the renditions of a published album's or news item's photos (idempotent: Wagtail
    keeps each rendition once); nothing for a school or page that no longer exists."""
    from sitepages.images import photo_renditions_prepare

    if not _school_exists(schema_name):
        return 0
    with schema_context(schema_name):
        from wagtail.models import Page

        page = Page.objects.filter(pk=page_id).first()
        return photo_renditions_prepare(page.specific) if page else 0


@shared_task(
    name="sitepages.refresh_front_cache",
    bind=True,
    ignore_result=True,
    acks_late=True,
    max_retries=6,
)
def refresh_front_cache(self, location: str, urls: list[str]) -> dict[str, str]:
    """Refresh the front cache's copies of `urls` (full page URLs) through the purge endpoint at
    `location` (sitepages/frontend_cache.py); idempotent. URLs Django could not render (5xx,
    timeout: the old copy is still served) are tried again after 30 s, 60 s, … up to 16 min.
    Returns {url: "refreshed" | "purged" | "kept"}."""
    from sitepages.frontend_cache import REFRESH_PRIORITY, refresh_urls

    outcomes = refresh_urls(location, urls)
    kept = [url for url, outcome in outcomes.items() if outcome == "kept"]
    if kept and self.request.retries < self.max_retries:
        raise self.retry(
            args=(location, kept), countdown=30 * 2**self.request.retries, priority=REFRESH_PRIORITY
        )
    return outcomes
