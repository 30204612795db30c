"""Serving a realistic school home page: gunicorn uncached, through the nginx front cache, and
nginx serving a static file of the same bytes (the ceiling), all under the same wrk load from
a separate process (loopback, bounded). Then: how long a publish takes to reach parents
through the cache (the frontend-cache refresh → nginx)."""

import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from bench.stats import line

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "deploy" / "nginx"))
from benchnginx import BenchNginx, free_port, port_wait  # noqa: E402

HOST = "bench-home.localhost"
LATENCY = re.compile(r"^\s+(50|75|90|99)(?:\.0+)?%\s+([\d.]+)(us|ms|s)\s*$", re.M)
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def reserve_purge_port() -> int:
    """Called before Django starts: Wagtail reads its purge endpoint from the settings."""
    port = free_port()
    os.environ["FRONTEND_CACHE_PURGE_URLS"] = f"http://127.0.0.1:{port}"
    # No Celery worker here: the publish's front-cache refresh runs in this process.
    os.environ["FRONTEND_CACHE_QUEUED"] = "0"
    return port


def _school():
    from django_tenants.utils import get_public_schema_name, schema_context

    from tenants.models import Authority, Domain
    from tenants.services.provisioning import school_provision

    with schema_context(get_public_schema_name()):
        domain = Domain.objects.filter(domain=HOST).select_related("tenant").first()
        if domain:
            return domain.tenant
        authority, _ = Authority.objects.get_or_create(
            code="bench-serving", defaults={"name": "Bench serving", "kind": "district"}
        )
        school = school_provision(
            authority=authority, name="Trường Tiểu học Bench", levels="primary", domain=HOST
        ).school
        from demo.history import school_content_fill

        school_content_fill(school=school, weeks=8)
        return school


def _get(url: str, host: str) -> tuple[int, bytes, dict]:
    request = urllib.request.Request(url, headers={"Host": host})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, response.read(), dict(response.headers)


def wrk(url: str, host: str, *, connections: int, seconds: int) -> dict:
    """One bounded wrk run on loopback; returns req/s and latency percentiles in ms."""
    return wrk_figures(
        wrk_output(url, "-H", f"Host: {host}", connections=connections, seconds=seconds)
    )


def wrk_output(url: str, *options: str, connections: int, seconds: int) -> str:
    """wrk's report of one bounded run (2 threads, latency distribution) against `url`."""
    return subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", *options, url],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 60,
    ).stdout


def wrk_figures(out: str) -> dict:
    """From wrk's report: requests, req/s, p50–p99 in ms, non-2xx/3xx answers, socket errors."""
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    latency = {f"p{p}": float(v) * UNITS[u] for p, v, u in LATENCY.findall(out)}
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    return {
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "rps": rps,
        **latency,
        "non_2xx": int(errors.group(1)) if errors else 0,
        "socket_errors": sum(int(n) for n in socket.groups()) if socket else 0,
    }


def _gunicorn(port: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DEBUG": "0",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "2",
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-c",
            str(ROOT / "deploy" / "gunicorn.conf.py"),
            "schoolhost.wsgi:application",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    port_wait(port, timeout=30)
    return process


def _publish_visible_seconds(school, cache_url: str) -> float:
    """Change the home page's title, publish, poll the cache until parents see it."""
    from django_tenants.utils import schema_context
    from wagtail.models import Site

    marker = f"Tin mới {time.time_ns()}"
    _get(cache_url + "/", HOST)
    with schema_context(school.schema_name):
        home = Site.objects.get().root_page.specific
        home.title = f"{school.name} · {marker}"
        started = time.monotonic()
        home.save_revision().publish()
    while time.monotonic() - started < 30:
        if marker.encode() in _get(cache_url + "/", HOST)[1]:
            return time.monotonic() - started
        time.sleep(0.02)
    raise RuntimeError("the publish never reached the cache")


def run(args) -> dict:
    if not shutil.which("wrk"):
        raise RuntimeError("wrk is not installed: make bench installs it (scripts/system-deps.sh)")
    school = _school()
    folder = ROOT / "var" / "bench-nginx"
    shutil.rmtree(folder, ignore_errors=True)
    app_port = free_port()
    gunicorn = _gunicorn(app_port)
    nginx = BenchNginx(
        folder, app_port, purge_port=int(os.environ["FRONTEND_CACHE_PURGE_URLS"].rsplit(":", 1)[1])
    )
    try:
        status, body, _ = _get(f"http://127.0.0.1:{app_port}/", HOST)
        assert status == 200, status
        nginx.render()
        (nginx.ceiling_root / "index.html").write_bytes(body)
        nginx.start()
        _get(nginx.cache_url + "/", HOST)  # warm the cache
        seconds, connections = args.serving_seconds, 64
        uncached = wrk(
            f"http://127.0.0.1:{app_port}/", HOST, connections=connections, seconds=seconds
        )
        cached = wrk(nginx.cache_url + "/", HOST, connections=connections, seconds=seconds)
        ceiling = wrk(
            nginx.static_url + "/index.html", HOST, connections=connections, seconds=seconds
        )
        visible = _publish_visible_seconds(school, nginx.cache_url)
    finally:
        nginx.stop()
        gunicorn.terminate()
        gunicorn.wait(timeout=20)
    results = {
        "serving_home_bytes": len(body),
        "serving_uncached_rps": round(uncached["rps"]),
        "serving_uncached_p50_ms": uncached.get("p50"),
        "serving_uncached_p99_ms": uncached.get("p99"),
        "serving_cached_rps": round(cached["rps"]),
        "serving_cached_p50_ms": cached.get("p50"),
        "serving_cached_p99_ms": cached.get("p99"),
        "serving_static_rps": round(ceiling["rps"]),
        "serving_static_p99_ms": ceiling.get("p99"),
        "serving_cached_over_static": round(cached["rps"] / ceiling["rps"], 3),
        "serving_uncached_over_static": round(uncached["rps"] / ceiling["rps"], 4),
        "serving_publish_visible_s": round(visible, 3),
    }
    line(
        f"home page ({len(body)} bytes), gunicorn uncached",
        f"{uncached['rps']:.0f} req/s",
        f"p50 {uncached.get('p50')} ms, p99 {uncached.get('p99')} ms",
    )
    line(
        "through the nginx front cache",
        f"{cached['rps']:.0f} req/s",
        f"p99 {cached.get('p99')} ms, {results['serving_cached_over_static']:.0%} of static (target ≥ 50 %, p99 ≤ 25 ms)",
    )
    line(
        "nginx static file, same bytes (ceiling)",
        f"{ceiling['rps']:.0f} req/s",
        f"p99 {ceiling.get('p99')} ms",
    )
    line("publish → visible through the cache", f"{visible:.2f} s", "target ≤ 2 s")
    return results
