"""Subscribing, confirming, unsubscribing, and sending a page to its subscribers.

Writes run in the active school's schema; the clock is an argument where a decision depends on
it. E-mail is only ever sent from Celery tasks (`sitepages/tasks.py`), never on a request or
the publish path.
"""

import datetime as dt
import logging
import smtplib

from django.conf import settings
from django.core.mail import get_connection
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from sitepages.calendar import monday_of
from sitepages.feedback import rate_window_count
from sitepages.models import (
    NewsKind,
    NewsPage,
    Subscriber,
    SubscriptionDelivery,
    SubscriptionTopic,
    WeeklyPlanPage,
)
from sitepages.subscriptions.messages import confirmation_message, notice_message
from sitepages.subscriptions.tokens import (
    cancel_token_make,
    cancel_token_read,
    confirm_token_make,
    confirm_token_read,
)
from tenants.login_throttle import client_ip

logger = logging.getLogger(__name__)
DEFAULT_BATCH_SIZE = 50  # messages per SMTP connection (SITEPAGES_SUBSCRIPTION_BATCH)
# (requests, seconds) per client address, per address asked for, per school.
DEFAULT_RATE_PER_CLIENT = (5, 3600)
DEFAULT_RATE_PER_ADDRESS = (3, 86400)
DEFAULT_RATE_PER_SCHOOL = (200, 3600)


def subscription_rate_refusal(request, *, email: str) -> str | None:
    """Count this request; the Vietnamese reason it is refused, or None when it may go on.

    Same counters as the feedback form (`rate_window_count`, per school through the cache's
    schema prefix); the per-address limit keeps the form from flooding someone's inbox with
    confirmations. If the cache is down the request goes through (logged).
    """
    limits = getattr(settings, "SITEPAGES_SUBSCRIPTION_RATES", {})
    per_client, client_seconds = limits.get("client", DEFAULT_RATE_PER_CLIENT)
    per_address, address_seconds = limits.get("address", DEFAULT_RATE_PER_ADDRESS)
    per_school, school_seconds = limits.get("school", DEFAULT_RATE_PER_SCHOOL)
    try:
        if rate_window_count(f"subscribe-client:{client_ip(request)}", client_seconds) > per_client:
            return _(
                "Bạn đã gửi nhiều yêu cầu đăng ký trong thời gian ngắn. Vui lòng thử lại sau "
                "%(minutes)s phút."
            ) % {"minutes": client_seconds // 60}
        if rate_window_count(f"subscribe-address:{email}", address_seconds) > per_address:
            return _(
                "Địa chỉ này đã được gửi thư xác nhận nhiều lần hôm nay. Vui lòng mở thư xác "
                "nhận đã nhận (xem cả mục thư rác), hoặc thử lại vào ngày mai."
            )
        if rate_window_count("subscribe-school", school_seconds) > per_school:
            return _("Trường đang nhận quá nhiều yêu cầu đăng ký. Vui lòng thử lại sau ít phút.")
    except Exception:  # the cache is down: let the parent through, and say so in the log
        logger.warning("subscription rate limit not checked: cache unavailable", exc_info=True)
    return None


def subscription_request(*, email: str, topics: list[str]) -> None:
    """Queue, after the commit, the confirmation e-mail to `email` (stores nothing)."""
    schema_name = connection.schema_name

    def queue():
        from sitepages.tasks import send_subscription_confirmation

        try:
            send_subscription_confirmation.delay(schema_name, email, sorted(topics))
        except Exception:  # the broker is down: never a 500 for the parent; the log says it
            logger.error("subscription confirmation not queued in %s", schema_name, exc_info=True)

    transaction.on_commit(queue)


def _site() -> Site:
    return Site.objects.filter(is_default_site=True).first() or Site.objects.get()


def subscription_confirmation_send(*, email: str, topics: list[str]) -> None:
    """E-mail the confirmation link (runs in the school's schema, in a task)."""
    site = _site()
    path = reverse(
        "sitepages_subscription_confirm", args=[confirm_token_make(email=email, topics=topics)]
    )
    message = confirmation_message(
        email=email,
        topics=topics,
        school_name=site.site_name or site.hostname,
        confirm_url=site.root_url + path,
    )
    message.send()


def subscription_confirm(*, token: str, now: dt.datetime) -> Subscriber:
    """The subscriber a confirmation link creates (or whose topics it replaces).

    Raises `tokens.TokenInvalid` for an altered, expired or other school's token."""
    email, topics = confirm_token_read(token)
    topics = [topic for topic in SubscriptionTopic.values if topic in topics]
    subscriber, created = Subscriber.objects.get_or_create(
        email=email, defaults={"topics": topics, "confirmed_at": now}
    )
    if not created and subscriber.topics != topics:
        subscriber.topics = topics
        subscriber.save(update_fields=["topics"])
    return subscriber


def subscription_cancel(*, token: str) -> bool:
    """Delete the subscriber an unsubscribe token names; False when there was none (already
    unsubscribed). Raises `tokens.TokenInvalid` for a token not made by this school."""
    email = cancel_token_read(token)
    deleted, _ = Subscriber.objects.filter(email=email).delete()
    return bool(deleted)


def page_notice_topic(page: Page, *, now: dt.datetime) -> str | None:
    """The topic whose subscribers get `page` (specific), or None.

    An urgent notice while its banner is up; a weekly plan of the current or a coming week (a
    plan typed in afterwards for a past week is record keeping, not news for parents).
    """
    if isinstance(page, NewsPage) and page.kind == NewsKind.URGENT:
        if page.urgent_until is None or page.urgent_until > now:
            return SubscriptionTopic.URGENT
    if isinstance(page, WeeklyPlanPage) and page.week_start:
        if page.week_start >= monday_of(timezone.localtime(now).date()):
            return SubscriptionTopic.WEEKLY_PLAN
    return None


def _notice(page: Page, subscriber: Subscriber, *, topic: str, site: Site):
    unsubscribe = site.root_url + reverse(
        "sitepages_unsubscribe", args=[cancel_token_make(email=subscriber.email)]
    )
    return notice_message(
        email=subscriber.email,
        topic=topic,
        school_name=site.site_name or site.hostname,
        title=page.title,
        period=getattr(page, "period_label", "") or "",
        summary=getattr(page, "summary", "") or page.search_description or "",
        page_url=page.get_full_url(),
        unsubscribe_url=unsubscribe,
        list_id=f"{topic}.{site.hostname}",
    )


def page_subscribers_notify(
    *, page_id: int, now: dt.datetime, batch_size: int | None = None
) -> int:
    """Send page `page_id` to each subscriber of its topic who has not had it; the number sent.

    Batches of `batch_size` subscribers, each in one transaction over one SMTP connection: the
    batch's rows are locked (a second worker takes the next ones), a delivery row is written per
    message, and the transaction commits after the batch is sent. A connection error rolls the
    batch back and raises (the task retries, and sends only what was not recorded); an address
    the server refuses for good is recorded as refused and not retried. A page that is no longer
    live, or no longer news (`page_notice_topic`), sends nothing; a subscriber confirmed after
    the page's (last) publication is not sent it.
    """
    batch_size = batch_size or getattr(settings, "SITEPAGES_SUBSCRIPTION_BATCH", DEFAULT_BATCH_SIZE)
    page = Page.objects.filter(pk=page_id, live=True).first()
    if page is None:
        return 0
    page = page.specific
    topic = page_notice_topic(page, now=now)
    if topic is None:
        return 0
    site = _site()
    sent = 0
    while True:
        with transaction.atomic():
            batch = list(
                Subscriber.objects.filter(
                    topics__contains=[topic], confirmed_at__lte=page.last_published_at or now
                )
                .exclude(deliveries__page_id=page_id)
                .order_by("pk")
                .select_for_update(skip_locked=True)[:batch_size]
            )
            if not batch:
                return sent
            deliveries = []
            with get_connection() as mail:
                for subscriber in batch:
                    refused = False
                    try:
                        mail.send_messages([_notice(page, subscriber, topic=topic, site=site)])
                        sent += 1
                    except smtplib.SMTPRecipientsRefused:
                        refused = True
                        logger.warning("subscriber %s refused by the mail server", subscriber.pk)
                    deliveries.append(
                        SubscriptionDelivery(
                            page_id=page_id, subscriber=subscriber, sent_at=now, refused=refused
                        )
                    )
            SubscriptionDelivery.objects.bulk_create(deliveries)


def page_subscribers_schedule(*, page_id: int) -> None:
    """After the commit of a publish, queue the task that sends page `page_id`."""
    schema_name = connection.schema_name

    def queue():
        from sitepages.tasks import send_page_to_subscribers

        try:
            send_page_to_subscribers.delay(schema_name, page_id)
        except Exception:  # the page is published; a broker outage must not undo that
            logger.error(
                "subscribers of page %s in %s not queued", page_id, schema_name, exc_info=True
            )

    transaction.on_commit(queue)
