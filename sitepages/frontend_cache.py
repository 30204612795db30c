"""Refresh the front cache (nginx) in place when a school publishes, instead of emptying it.

A purge deletes the stored copy; if Django cannot answer before the next parent comes (the
database restarting), nginx has nothing to serve stale and the parent gets a 500 (issue 11, the
drill in docs/reliability.md). A refresh asks the purge endpoint for `GET <path>` with the
school's Host; nginx relays it to the parents' server with `X-Cache-Refresh: 1`, which skips the
stored copy and stores Django's new answer in its place (deploy/nginx/snippets/). A 5xx or a
timeout stores nothing: the previous copy stays and is served stale until a refresh succeeds.

    WAGTAILFRONTENDCACHE = {"nginx1": {
        "BACKEND": "sitepages.frontend_cache.RefreshBackend",
        "LOCATION": "http://127.0.0.1:8080",   # the purge endpoint
        "MODE": "refresh",    # or "purge": Wagtail's PURGE, for a cache without the relay
        "QUEUED": True,       # refresh from a Celery task (inline when the broker is down)
    }}

Refreshes are sent after the commit (a refresh inside the publishing transaction would store
the old page for ten minutes), from a Celery task: an urgent notice refreshes every page of the
school, which is no work for a web request. A broker that is down makes the refresh run inline,
after the commit, as purges always did. What a refresh answers decides what is left:

    "refreshed"  2xx that nginx stores: parents get the new page from the cache at once;
    "purged"     any other answer below 500 (404 of an unpublished page, a redirect, a private or
                 cookie-setting page nginx will not store): the old copy would be wrong, so it is
                 purged as before;
    "kept"       5xx, timeout, refused: the old copy stays; the task tries again later.
"""

from __future__ import annotations

import http.client
import logging
from urllib.parse import urlsplit

from django.db import transaction
from wagtail import __version__ as wagtail_version
from wagtail.contrib.frontend_cache.backends.http import HTTPBackend

logger = logging.getLogger(__name__)
REFRESH_HEADER = "X-Cache-Refresh"
# Redis broker priority (0 first … 9 last): a refresh waits behind evaluations and e-mails. Each
# URL is a full render by gunicorn, and a publication refreshes about fifteen (the page, its
# sections, home, list filters, feeds, sitemap): queued first-come, they held the evaluations
# past the drill's two minutes (docs/reliability.md). Parents meanwhile get the old copy.
REFRESH_PRIORITY = 9
# Cache-Control words that keep an answer out of nginx's cache (proxy_cache honours them).
UNSTORED = ("private", "no-store", "no-cache", "max-age=0", "s-maxage=0")


class RefreshBackend(HTTPBackend):
    """Wagtail's HTTPBackend that refreshes (GET + X-Cache-Refresh) instead of purging.

    Params: LOCATION (the purge endpoint URL), MODE "refresh" (default) or "purge", QUEUED
    (default True: a Celery task; False: inline after the commit), TIMEOUT (s per URL, 30)."""

    def __init__(self, params):
        params = dict(params)
        self.location = params["LOCATION"]
        self.mode = params.pop("MODE", "refresh")
        self.queued = params.pop("QUEUED", True)
        self.timeout = float(params.pop("TIMEOUT", 30))
        if self.mode not in ("refresh", "purge"):
            raise ValueError(f"RefreshBackend MODE must be 'refresh' or 'purge', not {self.mode!r}")
        super().__init__(params)

    def purge(self, url) -> None:
        self.purge_batch([url])

    def purge_batch(self, urls) -> None:
        urls = list(dict.fromkeys(urls))
        if not urls:
            return
        if self.mode == "purge":
            for url in urls:
                super().purge(url)
            return
        location, queued, timeout = self.location, self.queued, self.timeout
        transaction.on_commit(
            lambda: refresh_dispatch(location, urls, queued=queued, timeout=timeout), robust=True
        )


def refresh_dispatch(location: str, urls: list[str], *, queued: bool, timeout: float) -> None:
    """Queue the refresh of `urls` at `location`; inline if not queued or the broker is down
    (the send gives up within about 2 s: CELERY_TASK_PUBLISH_RETRY_POLICY)."""
    if queued:
        from sitepages.tasks import refresh_front_cache

        try:
            refresh_front_cache.apply_async((location, urls), priority=REFRESH_PRIORITY)
            return
        except Exception:  # noqa: BLE001 — the broker is down: refresh now, as a purge did
            logger.warning("front-cache refresh not queued, done inline", exc_info=True)
    try:
        refresh_urls(location, urls, timeout=timeout)
    except Exception:  # noqa: BLE001 — a cache refresh must never break publishing
        logger.warning("front-cache refresh failed", exc_info=True)


def refresh_urls(location: str, urls: list[str], *, timeout: float = 30) -> dict[str, str]:
    """Refresh each URL (full page URLs of one or more schools) through the purge endpoint at
    `location`; returns {url: "refreshed" | "purged" | "kept"} (see the module docstring)."""
    return {url: refresh_url(location, url, timeout=timeout) for url in urls}


def refresh_url(location: str, url: str, *, timeout: float = 30) -> str:
    """One URL: GET with the refresh header; a PURGE when the answer will not be stored and is
    not an error. Never raises for the cache's or Django's failures (logged, "kept")."""
    try:
        status, headers = _send(location, "GET", url, timeout=timeout)
    except OSError as error:
        logger.warning("front-cache refresh of %s failed (%s): old copy kept", url, error)
        return "kept"
    if status >= 500:
        logger.warning("front-cache refresh of %s answered %s: old copy kept", url, status)
        return "kept"
    if 200 <= status < 300 and _stored(headers):
        return "refreshed"
    try:
        purge_status, _ = _send(location, "PURGE", url, timeout=timeout)
    except OSError as error:
        logger.error("front-cache purge of %s failed (%s)", url, error)
        return "kept"
    if not 200 <= purge_status < 300:
        logger.error("front-cache purge of %s answered %s", url, purge_status)
        return "kept"
    return "purged"


def _stored(headers: http.client.HTTPMessage) -> bool:
    """Whether nginx stores an answer with these headers (proxy_cache's own rules)."""
    if headers.get("Set-Cookie"):
        return False
    cache_control = (headers.get("Cache-Control") or "").replace(" ", "").lower()
    return not any(word in cache_control.split(",") for word in UNSTORED)


def _send(location: str, method: str, url: str, *, timeout: float):
    """`method` <path?query of url> to the endpoint at `location`, with url's host (and port)
    as Host, as Wagtail's HTTPBackend sends its PURGE. Returns (status, headers); the body is
    read and dropped. Redirects are not followed. Raises OSError (refused, timeout…)."""
    endpoint, page = urlsplit(location), urlsplit(url)
    host = page.hostname + (f":{page.port}" if page.port else "")
    path = (page.path or "/") + (f"?{page.query}" if page.query else "")
    connection_class = (
        http.client.HTTPSConnection if endpoint.scheme == "https" else http.client.HTTPConnection
    )
    connection = connection_class(endpoint.netloc, timeout=timeout)
    headers = {"Host": host, "User-Agent": f"Wagtail-frontendcache/{wagtail_version}"}
    if method == "GET":
        headers[REFRESH_HEADER] = "1"
    try:
        connection.request(method, path, headers=headers)
        response = connection.getresponse()
        response.read()
        return response.status, response.msg
    except http.client.HTTPException as error:
        raise OSError(str(error)) from error
    finally:
        connection.close()
