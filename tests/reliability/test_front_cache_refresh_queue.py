"""Where a publication's front-cache refresh runs (sitepages/frontend_cache.py, issue 11): a
Celery task when the broker answers, inline — still after the commit — when it is down, so a
dead Redis never leaves parents with the old page (nor fails the publish)."""

import json
import shutil

import pytest
import redis

from schoolhost.celery import app as celery_app
from sitepages.frontend_cache import refresh_dispatch
from sitepages.tasks import refresh_front_cache
from tests.deploy.test_deploy_files import Backend, BenchNginx, folder_make, request


@pytest.fixture(scope="module")
def stand_in():
    server = Backend()
    folder = folder_make()
    nginx = BenchNginx(folder, upstream_port=server.port, workers="1").start()
    yield server, nginx
    nginx.stop()
    server.stop()
    shutil.rmtree(folder, ignore_errors=True)


def _queued_tasks(private_redis, *, priority: int = 0) -> list[dict]:
    """The messages waiting in Celery's default queue at `priority` (kombu keeps one Redis list
    per priority step: `celery` for 0, `celery\\x06\\x169` for 9), under the key prefix if any."""
    client = redis.Redis.from_url(private_redis.url)
    prefix = celery_app.conf.broker_transport_options.get("global_keyprefix", "")
    key = f"{prefix}celery" + (f"\x06\x16{priority}" if priority else "")
    return [json.loads(raw)["headers"] for raw in client.lrange(key, 0, -1)]


def test_with_the_broker_up_the_refresh_is_a_task(private_redis, stand_in):
    _, nginx = stand_in
    request(nginx.cache_port, "a.localhost", "/queued/")
    urls = ["http://a.localhost/queued/"]
    refresh_dispatch(nginx.purge_location, urls, queued=True, timeout=5)
    # Behind evaluations and e-mails: nothing at the default priority, one task at the last.
    assert _queued_tasks(private_redis) == []
    (headers,) = _queued_tasks(private_redis, priority=9)
    assert headers["task"] == "sitepages.refresh_front_cache"
    # Not done in the web process: the copy is the old one until a worker runs the task.
    assert request(nginx.cache_port, "a.localhost", "/queued/").body.endswith("#1")
    outcomes = refresh_front_cache.apply(args=(nginx.purge_location, urls)).get()
    assert outcomes == {"http://a.localhost/queued/": "refreshed"}
    assert request(nginx.cache_port, "a.localhost", "/queued/").body.endswith("#2")


def test_with_the_broker_down_the_refresh_runs_inline(private_redis, stand_in):
    _, nginx = stand_in
    request(nginx.cache_port, "a.localhost", "/inline/")
    private_redis.kill()
    refresh_dispatch(nginx.purge_location, ["http://a.localhost/inline/"], queued=True, timeout=5)
    answer = request(nginx.cache_port, "a.localhost", "/inline/")
    assert (answer.cache, answer.body) == ("HIT", "a.localhost /inline/ #2")


def test_a_task_whose_refresh_django_failed_is_retried_with_those_urls(private_redis, stand_in):
    """The first render fails (500: the old copy stays); the task retries only that URL, and
    the retry stores the new page. (`apply` runs the retry at once instead of in 30 s.)"""
    server, nginx = stand_in
    request(nginx.cache_port, "a.localhost", "/retried/")
    server.statuses["/retried/"] = 500
    server.fail_once.add("/retried/")
    urls = ["http://a.localhost/retried/", "http://a.localhost/fine/"]
    result = refresh_front_cache.apply(args=(nginx.purge_location, urls))
    assert result.get() == {"http://a.localhost/retried/": "refreshed"}
    gets = [r for r in server.requests if r["path"] == "/retried/" and r.get("X-Cache-Refresh")]
    assert len(gets) == 2
    assert request(nginx.cache_port, "a.localhost", "/retried/").body.endswith("#3")
