"""Publish → Celery (real broker, real worker process) → a real SMTP server: an urgent notice
reaches its subscriber within seconds, with its one-click unsubscribe header."""

import datetime as dt
import time

import pytest
from django.conf import settings
from django.utils import timezone
from django_tenants.utils import schema_context

from sitepages import models as m
from sitepages.subscriptions.services import subscription_confirm
from sitepages.subscriptions.tokens import confirm_token_make
from tests.conftest import real_worker
from tests.sitepages import smtp
from tests.sitepages.helpers import publish_child

smtp_server = smtp.smtp_server  # the fixture


@pytest.fixture
def worker_mailing_to(transactional_db, smtp_server):
    """A Celery worker process whose e-mail goes to `smtp_server`."""
    for worker in real_worker(TEST_EMAIL_PORT=str(settings.EMAIL_PORT)):
        yield smtp_server, worker


def test_a_published_urgent_notice_reaches_its_subscriber_through_a_worker(
    worker_mailing_to, committed_schools
):
    received, worker = worker_mailing_to
    school = committed_schools(name="THCS Quang Trung")
    with schema_context(school.schema_name):
        token = confirm_token_make(email="me-cua-an@example.com", topics=["urgent"])
        subscription_confirm(token=token, now=timezone.now())
        publish_child(
            m.NewsIndexPage.objects.get(),
            m.NewsPage(
                title="Nghỉ học chiều nay",
                kind="urgent",
                body="<p>Nghỉ</p>",
                received_at=timezone.now() - dt.timedelta(minutes=5),
            ),
        )
    started = time.monotonic()
    while time.monotonic() - started < 60 and not received.messages:
        time.sleep(0.1)
    output = "" if received.messages else worker.stdout.read1().decode()
    assert received.messages, f"no e-mail received; worker said: {output}"
    (message,) = received.messages
    assert message["To"] == "me-cua-an@example.com"
    assert (
        str(message["Subject"]).strip() == "[THCS Quang Trung] Thông báo khẩn: Nghỉ học chiều nay"
    )
    assert str(message["List-Unsubscribe"]).strip().startswith("<http")
    # The worker records the delivery once the SMTP server has taken the message: its commit
    # can land a moment after the message does.
    with schema_context(school.schema_name):
        delivered = m.SubscriptionDelivery.objects.filter(subscriber__email="me-cua-an@example.com")
        started = time.monotonic()
        while time.monotonic() - started < 10 and not delivered.exists():
            time.sleep(0.1)
        assert delivered.exists()
