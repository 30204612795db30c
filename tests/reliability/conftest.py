"""A Redis of the test's own, to kill and bring back (tests/reliability)."""

import shutil
import socket
import subprocess
import time

import pytest
from django.core.cache import caches
from kombu import pools

from schoolhost.celery import app as celery_app


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _celery_pools_reset() -> None:
    """New connection and producer pools on the app's next send (they read broker_url).

    kombu keeps its pools in a process-wide registry keyed by connection: `pools.reset()`
    empties it (closing a pool in place would leave it, closed, for the next test to get)."""
    pools.reset()
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


class PrivateRedis:
    """A redis-server on a free loopback port; `kill()` it mid-test, `start()` it again."""

    def __init__(self, folder):
        self.port = _free_port()
        self.folder = folder
        self.process = None
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> "PrivateRedis":
        self.process = subprocess.Popen(
            [shutil.which("redis-server") or "/usr/bin/redis-server", "--port", str(self.port),
             "--save", "", "--appendonly", "no", "--dir", str(self.folder)],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.1).close()
                return self
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def kill(self) -> None:
        self.process.kill()
        self.process.wait()

    def queued(self) -> int:
        """Messages waiting in Celery's default queue."""
        import redis

        from tests.conftest import celery_queue_key

        return redis.Redis.from_url(self.url).llen(celery_queue_key())


@pytest.fixture
def private_redis(settings, tmp_path):
    """The cache and the Celery broker on a Redis of this test's own."""
    server = PrivateRedis(tmp_path).start()
    settings.CACHES = {"default": {**settings.CACHES["default"], "LOCATION": server.url}}
    previous_broker = celery_app.conf.broker_url
    celery_app.conf.broker_url = server.url
    _celery_pools_reset()
    caches["default"].set("probe", 1)
    assert caches["default"].get("probe") == 1  # really in use before any kill
    yield server
    if server.process.poll() is None:
        server.kill()
    celery_app.conf.broker_url = previous_broker
    _celery_pools_reset()
