"""A real SMTP server on a free loopback port (aiosmtpd), for the tests that read e-mails as
a mail server receives them. Import the fixture into a test module: `from tests.sitepages.smtp
import smtp_server  # noqa: F401`."""

import email
import email.policy
import socket
import threading
from dataclasses import dataclass, field

import pytest


@dataclass
class Received:
    """What the server got: each message parsed, and which SMTP session carried it."""

    messages: list[email.message.EmailMessage] = field(default_factory=list)
    sessions: list[int] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.lock:
            self.messages.append(message)
            self.sessions.append(id(session))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    """Start aiosmtpd's Controller; Django's SMTP backend sends to it. Yields `Received`."""
    from aiosmtpd.controller import Controller

    received = Received()
    controller = Controller(received, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    try:
        yield received
    finally:
        controller.stop()
