"""A publication refreshes the front cache in place (sitepages/frontend_cache.py, issue 11).

Real pieces only: committed schools served by Django's live server, behind the benchmark's nginx
(deploy/nginx/benchnginx.py: the production cache snippets, the purge endpoint and its refresh
relay), and the settings' backend. A publication must leave parents the new page straight from
the cache; a publication while Django cannot answer must leave them the old one, never a 500.
"""

import http.client
import shutil
import tempfile
from pathlib import Path

import pytest
from django_tenants.utils import schema_context

from sitepages import models as m
from tests.deploy.test_deploy_files import BenchNginx, free_port
from tests.sitepages.helpers import publish_child

HOST = "thcs-le-loi.localhost"


def _get(port: int, path: str) -> tuple[int, str | None, str]:
    """(status, X-Cache-Status, body) of a parent's GET through the cache."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Host": HOST})
        response = connection.getresponse()
        return response.status, response.getheader("X-Cache-Status"), response.read().decode()
    finally:
        connection.close()


@pytest.fixture
def nginx_folder():
    folder = Path(tempfile.mkdtemp(prefix="schoolhost-refresh-test-"))
    folder.chmod(0o755)  # nginx workers enter it whoever they run as
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def _refresh_backend(settings, nginx) -> None:
    settings.WAGTAILFRONTENDCACHE = {
        "nginx": {
            "BACKEND": "sitepages.frontend_cache.RefreshBackend",
            "LOCATION": nginx.purge_location,
            "QUEUED": False,  # inline after the commit (the queued path: tests/reliability)
        }
    }


def _publish_news(school, title: str) -> None:
    with schema_context(school.schema_name):
        publish_child(m.NewsIndexPage.objects.get(), m.NewsPage(title=title, body="<p>x</p>"))


def test_after_a_publish_parents_get_the_new_page_from_the_cache(
    committed_schools, live_server, settings, nginx_folder
):
    school = committed_schools(name="THCS Lê Lợi", domain=HOST)
    upstream = int(live_server.url.rsplit(":", 1)[1])
    with BenchNginx(nginx_folder, upstream_port=upstream, workers="1") as nginx:
        _refresh_backend(settings, nginx)
        for path in ("/", "/tin-tuc/"):
            assert _get(nginx.cache_port, path)[:2] == (200, "MISS")
            assert _get(nginx.cache_port, path)[:2] == (200, "HIT")

        _publish_news(school, "Lễ khai giảng năm học mới")

        for path in ("/", "/tin-tuc/"):
            status, cache, body = _get(nginx.cache_port, path)
            # Stored by the refresh: no parent had to wait for Django to render it.
            assert (status, cache) == (200, "HIT"), path
            assert "Lễ khai giảng năm học mới" in body, path
        status, cache, body = _get(nginx.cache_port, "/tin-tuc/le-khai-giang-nam-hoc-moi/")
        assert (status, cache) == (200, "HIT")


def test_a_publish_while_django_cannot_answer_leaves_parents_the_old_page(
    committed_schools, live_server, settings, nginx_folder
):
    school = committed_schools(name="THCS Lê Lợi", domain=HOST)
    upstream = int(live_server.url.rsplit(":", 1)[1])
    nginx = BenchNginx(nginx_folder, upstream_port=upstream, workers="1").start()
    ports = {"cache_port": nginx.cache_port, "purge_port": nginx.purge_port}
    try:
        old = _get(nginx.cache_port, "/tin-tuc/")
        assert old[:2] == (200, "MISS")
    finally:
        nginx.stop()
    # The same nginx and cache folder, now in front of a Django that is down (nothing listens).
    nginx = BenchNginx(nginx_folder, upstream_port=free_port(), workers="1", **ports).start()
    try:
        _refresh_backend(settings, nginx)
        _publish_news(school, "Thông báo nghỉ học")  # the refresh gets 502: nothing stored
        status, cache, body = _get(nginx.cache_port, "/tin-tuc/")
        assert (status, cache) == (200, "HIT")
        assert body == old[2] and "Thông báo nghỉ học" not in body
    finally:
        nginx.stop()
