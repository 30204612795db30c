"""deploy/ checked with the real tools: nginx, systemd-analyze, gunicorn, the production settings.

No database and no Django settings are needed (the production-settings checks run in
subprocesses). The front-cache tests start real, unprivileged nginx processes on free loopback
ports in front of a stub backend (a counter per host and path) and stop them at the end.
"""

import collections
import configparser
import http.client
import importlib.util
import logging
import os
import re
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DEPLOY = REPO / "deploy"
SNIPPETS = DEPLOY / "nginx" / "snippets"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
PURGE_MODULE = "/usr/lib/nginx/modules/ngx_http_cache_purge_module.so"
VENV_BIN = Path(sys.executable).parent


def _benchnginx():
    """deploy/nginx/benchnginx.py, imported by path (deploy/ is not a package)."""
    name = "schoolhost_deploy_benchnginx"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, DEPLOY / "nginx" / "benchnginx.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


benchnginx = _benchnginx()
free_port, port_wait, BenchNginx = benchnginx.free_port, benchnginx.port_wait, benchnginx.BenchNginx


def folder_make() -> Path:
    """A temporary folder nginx workers can enter whoever they run as."""
    folder = Path(tempfile.mkdtemp(prefix="schoolhost-deploy-test-"))
    folder.chmod(0o755)
    return folder


# --- rendering the real configurations into a temporary folder ----------------------------------


def _user_line() -> str:
    return "user root;" if os.geteuid() == 0 else ""


def _listen_ports_render(text: str) -> tuple[str, dict[int, int]]:
    """Every `listen [addr:]port` → 127.0.0.1:<free port> (same port → same new port); IPv6
    listens are dropped (not every test machine has IPv6). Returns the text and the port map."""
    ports: dict[int, int] = {}

    def replace(match):
        port = int(match.group(2))
        ports.setdefault(port, free_port())
        return f"listen 127.0.0.1:{ports[port]}"

    text = "\n".join(line for line in text.splitlines() if not re.match(r"\s*listen\s+\[", line))
    return re.sub(r"listen\s+(?:([\d.]+):)?(\d+)\b", replace, text), ports


def _certificate_make(folder: Path) -> tuple[Path, Path]:
    cert, key = folder / "tls" / "cert.pem", folder / "tls" / "key.pem"
    cert.parent.mkdir(exist_ok=True)
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
            "-nodes", "-days", "2", "-subj", "/CN=truong.edu.vn",
            "-addext", "subjectAltName=DNS:*.truong.edu.vn,DNS:truong.edu.vn",
            "-keyout", str(key), "-out", str(cert),
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return cert, key


def _paths_render(text: str, folder: Path) -> str:
    text = text.replace("/etc/nginx/snippets/", f"{SNIPPETS}/")
    text = text.replace("/var/cache/nginx/schoolhost", str(folder / "cache"))
    text = text.replace("/var/log/nginx/", f"{folder}/log/")
    text = text.replace("/srv/schoolhost/var/", f"{folder}/srv/")
    text = text.replace("/srv/schoolhost/", f"{folder}/srv/")
    (folder / "log").mkdir(exist_ok=True)
    return text


TEMP_PATHS = """
    client_body_temp_path {folder}/tmp/body;
    proxy_temp_path {folder}/tmp/proxy;
    fastcgi_temp_path {folder}/tmp/fastcgi;
    uwsgi_temp_path {folder}/tmp/uwsgi;
    scgi_temp_path {folder}/tmp/scgi;
"""


@dataclass
class RenderedNginx:
    folder: Path
    conf: Path
    ports: dict[int, int]

    def command(self, *extra: str) -> list[str]:
        return [
            NGINX, "-p", f"{self.folder}/", "-c", str(self.conf),
            "-e", str(self.folder / "error.log"), *extra,
        ]  # fmt: skip


def production_render(folder: Path, *, upstream_port: int = 9) -> RenderedNginx:
    """deploy/nginx/schoolhost.conf inside a minimal nginx.conf, everything under `folder`."""
    text = _paths_render((DEPLOY / "nginx" / "schoolhost.conf").read_text(), folder)
    cert, key = _certificate_make(folder)
    text = re.sub(r"ssl_certificate\s+\S+;", f"ssl_certificate {cert};", text)
    text = re.sub(r"ssl_certificate_key\s+\S+;", f"ssl_certificate_key {key};", text)
    text = text.replace("server 127.0.0.1:8000 ", f"server 127.0.0.1:{upstream_port} ")
    text, ports = _listen_ports_render(text)
    text = text.replace("https://127.0.0.1:443;", f"https://127.0.0.1:{ports[443]};")
    site = folder / "schoolhost.conf"
    site.write_text(text)
    (folder / "tmp").mkdir(exist_ok=True)
    conf = folder / "nginx.conf"
    conf.write_text(
        f"load_module {PURGE_MODULE};\n{_user_line()}\ndaemon off;\nworker_processes 1;\n"
        f"pid {folder}/nginx.pid;\nerror_log {folder}/error.log warn;\n"
        "events { worker_connections 256; }\n"
        "http {\n    include /etc/nginx/mime.types;\n"
        + TEMP_PATHS.format(folder=folder)
        + f"    include {site};\n}}\n"
    )
    return RenderedNginx(folder, conf, ports)


def docker_render(folder: Path, *, upstream_port: int = 9) -> RenderedNginx:
    """deploy/nginx/docker.conf (a whole nginx.conf) with container paths moved under `folder`."""
    text = _paths_render((DEPLOY / "nginx" / "docker.conf").read_text(), folder)
    text = text.replace("user www-data;", _user_line())
    text = text.replace("pid /run/nginx.pid;", f"pid {folder}/nginx.pid;")
    text = text.replace(
        "include /etc/nginx/modules-enabled/*.conf;", f"load_module {PURGE_MODULE};"
    )
    text = text.replace("server web:8000 ", f"server 127.0.0.1:{upstream_port} ")
    text = text.replace("http {", "http {" + TEMP_PATHS.format(folder=folder), 1)
    text, ports = _listen_ports_render(text)
    (folder / "tmp").mkdir(exist_ok=True)
    conf = folder / "nginx.conf"
    conf.write_text(text)
    return RenderedNginx(folder, conf, ports)


def nginx_t(rendered: RenderedNginx) -> subprocess.CompletedProcess:
    return subprocess.run(rendered.command("-t"), capture_output=True, text=True, check=False)


def assert_nginx_t_clean(result: subprocess.CompletedProcess) -> None:
    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr
    assert "[warn]" not in result.stderr and "[emerg]" not in result.stderr, result.stderr


# --- nginx -t on every configuration -------------------------------------------------------------


def test_nginx_binary_and_purge_module_are_installed():
    assert Path(NGINX).exists(), "nginx is needed: apt-get install nginx"
    assert Path(PURGE_MODULE).exists(), "apt-get install libnginx-mod-http-cache-purge"


def test_production_nginx_conf_passes_nginx_t():
    folder = folder_make()
    try:
        assert_nginx_t_clean(nginx_t(production_render(folder)))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_docker_nginx_conf_passes_nginx_t():
    folder = folder_make()
    try:
        assert_nginx_t_clean(nginx_t(docker_render(folder)))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_bench_nginx_conf_passes_nginx_t():
    folder = folder_make()
    try:
        result = BenchNginx(folder, upstream_port=9).test()
        assert_nginx_t_clean(result)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_every_nginx_configuration_uses_the_shared_cache_snippets():
    for name in ("schoolhost.conf", "docker.conf", "bench.conf.template"):
        text = (DEPLOY / "nginx" / name).read_text()
        for snippet in ("schoolhost-cache-http.conf", "schoolhost-proxy-cache.conf"):
            assert snippet in text, (name, snippet)
        assert "schoolhost-purge.conf" in text, name
        assert "keys_zone=schoolhost:" in text, name
    proxy = (SNIPPETS / "schoolhost-proxy-cache.conf").read_text()
    assert "proxy_cache_key $scheme$host$schoolhost_cache_uri;" in proxy
    purge = (SNIPPETS / "schoolhost-purge.conf").read_text()
    assert (
        "proxy_cache_purge schoolhost $schoolhost_purge_scheme$host$schoolhost_cache_uri;" in purge
    )


# --- the front cache, live -----------------------------------------------------------------------


class Backend:
    """A stand-in for gunicorn: answers '<host> <uri> #<n>', n counting per host and URI."""

    def __init__(self):
        self.counts = collections.Counter()
        self.requests: list[dict] = []
        # path → status to answer instead (500: Django with its database down; 404: unpublished)
        self.statuses: dict[str, int] = {}
        self.headers: dict[str, dict] = {}  # path → headers to add (a page turned private)
        self.fail_once: set[str] = set()  # paths whose status override is for one answer
        self.lock = threading.Lock()
        backend = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self):
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                host = self.headers["Host"]
                with backend.lock:
                    backend.counts[(host, self.path)] += 1
                    n = backend.counts[(host, self.path)]
                    backend.requests.append({"path": self.path, **dict(self.headers.items())})
                status, headers = 200, {"Content-Type": "text/html; charset=utf-8"}
                # What Django's middleware adds: Wagtail pages vary on these.
                headers["Vary"] = "Accept-Language, Cookie"
                if self.path.startswith("/private"):
                    headers["Cache-Control"] = "private"
                elif self.path.startswith("/no-cache"):
                    headers["Cache-Control"] = "no-cache, no-store, must-revalidate, max-age=0"
                elif self.path.startswith("/sets-cookie"):
                    headers["Set-Cookie"] = "csrftoken=abc; Path=/"
                elif self.path.startswith("/missing"):
                    status = 404
                elif self.path.startswith("/suspended"):
                    status, headers["Cache-Control"] = 503, "no-store"
                status = backend.statuses.get(self.path, status)
                if self.path in backend.fail_once:
                    backend.fail_once.discard(self.path)
                    backend.statuses.pop(self.path, None)
                headers.update(backend.headers.get(self.path, {}))
                body = f"{host} {self.path} #{n}".encode()
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _answer

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def last_request(self, path: str) -> dict:
        return [r for r in self.requests if r["path"] == path][-1]

    def stop(self):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


@dataclass
class Answer:
    status: int
    cache: str | None
    body: str
    headers: http.client.HTTPMessage


def request(port, host, path="/", *, method="GET", headers=None, source=None, tls=False):
    if tls:
        connection = _SNIConnection(port, sni=host.split(":")[0])
    else:
        source_address = (source, 0) if source else None
        connection = http.client.HTTPConnection(
            "127.0.0.1", port, timeout=5, source_address=source_address
        )
    try:
        connection.request(method, path, headers={"Host": host, **(headers or {})})
        response = connection.getresponse()
        body = response.read().decode()
        return Answer(response.status, response.getheader("X-Cache-Status"), body, response.msg)
    finally:
        connection.close()


class _SNIConnection(http.client.HTTPSConnection):
    """HTTPS to 127.0.0.1 with the school's host name in SNI (as a browser would send it)."""

    def __init__(self, port, *, sni):
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        super().__init__("127.0.0.1", port, timeout=5, context=context)
        self.sni = sni

    def connect(self):
        http.client.HTTPConnection.connect(self)
        self.sock = self._context.wrap_socket(self.sock, server_hostname=self.sni)


@pytest.fixture(scope="module")
def backend():
    server = Backend()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def bench(backend):
    folder = folder_make()
    nginx = BenchNginx(folder, upstream_port=backend.port, workers="1")
    nginx.start()
    yield nginx
    nginx.stop()
    assert nginx.process is None
    shutil.rmtree(folder, ignore_errors=True)


def test_hosts_never_share_a_cache_entry(bench):
    first_a = request(bench.cache_port, "a.localhost", "/hosts/")
    assert (first_a.cache, first_a.body) == ("MISS", "a.localhost /hosts/ #1")
    assert request(bench.cache_port, "a.localhost", "/hosts/").cache == "HIT"
    first_b = request(bench.cache_port, "b.localhost", "/hosts/")
    assert (first_b.cache, first_b.body) == ("MISS", "b.localhost /hosts/ #1")
    second_b = request(bench.cache_port, "b.localhost", "/hosts/")
    assert (second_b.cache, second_b.body) == ("HIT", "b.localhost /hosts/ #1")
    # The key's host is the host name only: case and port do not make new entries.
    again_a = request(bench.cache_port, f"A.LOCALHOST:{bench.cache_port}", "/hosts/")
    assert (again_a.cache, again_a.body) == ("HIT", "a.localhost /hosts/ #1")


def test_wagtail_purge_removes_one_hosts_entry_and_keeps_the_others(bench, caplog):
    from wagtail.contrib.frontend_cache.backends.http import HTTPBackend

    for host in ("a.localhost", "b.localhost"):
        request(bench.cache_port, host, "/tin-tuc/")
        assert request(bench.cache_port, host, "/tin-tuc/").cache == "HIT"

    # Exactly what Wagtail does on publish: the page's full URL (the Site is on port 80, so
    # no port), LOCATION = the purge endpoint, with a path that Wagtail ignores.
    wagtail = HTTPBackend({"LOCATION": f"{bench.purge_location}/purge"})
    with caplog.at_level(logging.INFO, logger="wagtail.frontendcache"):
        wagtail.purge("http://a.localhost/tin-tuc/")
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], caplog.text

    refetched = request(bench.cache_port, "a.localhost", "/tin-tuc/")
    assert (refetched.cache, refetched.body) == ("MISS", "a.localhost /tin-tuc/ #2")
    kept = request(bench.cache_port, "b.localhost", "/tin-tuc/")
    assert (kept.cache, kept.body) == ("HIT", "b.localhost /tin-tuc/ #1")


def test_purge_with_a_port_in_the_site_url_still_matches(bench):
    from wagtail.contrib.frontend_cache.backends.http import HTTPBackend

    request(bench.cache_port, "a.localhost", "/lich-cong-tac/")
    # A Site on port 8000 makes Wagtail send "Host: a.localhost:8000"; $host drops the port.
    HTTPBackend({"LOCATION": bench.purge_location}).purge("http://a.localhost:8000/lich-cong-tac/")
    assert request(bench.cache_port, "a.localhost", "/lich-cong-tac/").cache == "MISS"


def test_purge_endpoint_answers_only_purge_from_allowed_addresses(bench):
    request(bench.cache_port, "a.localhost", "/guarded/")
    assert request(bench.purge_port, "a.localhost", "/guarded/", method="POST").status == 405
    # Another loopback address stands for "anybody but the app servers".
    outsider = request(bench.purge_port, "a.localhost", "/guarded/", method="PURGE",
                       source="127.0.0.2")  # fmt: skip
    assert outsider.status == 403
    assert request(bench.cache_port, "a.localhost", "/guarded/").cache == "HIT"
    purged = request(bench.purge_port, "a.localhost", "/guarded/", method="PURGE")
    assert purged.status == 200 and "Successful purge" in purged.body
    # Nothing cached under the key: still a 2xx, so Wagtail does not log an error.
    again = request(bench.purge_port, "a.localhost", "/guarded/", method="PURGE")
    assert (again.status, again.body) == (200, "not cached\n")


def test_refresh_through_the_purge_endpoint_replaces_the_copy_in_place(bench, backend):
    request(bench.cache_port, "a.localhost", "/refresh/")
    request(bench.cache_port, "b.localhost", "/refresh/")
    refreshed = request(bench.purge_port, "a.localhost", "/refresh/")
    assert (refreshed.status, refreshed.cache) == (200, "BYPASS")
    assert refreshed.body == "a.localhost /refresh/ #2"
    assert backend.last_request("/refresh/")["X-Cache-Refresh"] == "1"
    stored = request(bench.cache_port, "a.localhost", "/refresh/")
    assert (stored.cache, stored.body) == ("HIT", "a.localhost /refresh/ #2")
    kept = request(bench.cache_port, "b.localhost", "/refresh/")
    assert (kept.cache, kept.body) == ("HIT", "b.localhost /refresh/ #1")


def test_a_refresh_django_fails_leaves_the_previous_copy_served(bench, backend):
    request(bench.cache_port, "a.localhost", "/refresh-fails/")
    backend.statuses["/refresh-fails/"] = 500
    try:
        failed = request(bench.purge_port, "a.localhost", "/refresh-fails/")
        assert failed.status == 500
        kept = request(bench.cache_port, "a.localhost", "/refresh-fails/")
        assert (kept.status, kept.cache) == (200, "HIT")
        assert kept.body == "a.localhost /refresh-fails/ #1"
    finally:
        backend.statuses.pop("/refresh-fails/")


def test_the_refresh_header_is_honoured_from_loopback_only(bench):
    request(bench.cache_port, "a.localhost", "/refresh-header/")
    # 127.0.0.2 stands for a parent on the internet: the header changes nothing.
    outsider = request(bench.cache_port, "a.localhost", "/refresh-header/",
                       headers={"X-Cache-Refresh": "1"}, source="127.0.0.2")  # fmt: skip
    assert (outsider.cache, outsider.body) == ("HIT", "a.localhost /refresh-header/ #1")
    local = request(bench.cache_port, "a.localhost", "/refresh-header/",
                    headers={"X-Cache-Refresh": "1"})  # fmt: skip
    assert (local.cache, local.body) == ("BYPASS", "a.localhost /refresh-header/ #2")
    assert request(bench.cache_port, "a.localhost", "/refresh-header/").body.endswith("#2")
    # Nor may an outsider ask the purge endpoint for a refresh.
    denied = request(bench.purge_port, "a.localhost", "/refresh-header/", source="127.0.0.2")
    assert denied.status == 403


def test_refresh_backend_refreshes_keeps_on_errors_and_purges_what_is_gone(bench, backend):
    from sitepages.frontend_cache import refresh_urls

    paths = ["/rb-new/", "/rb-down/", "/rb-gone/", "/rb-private/", "/rb-cold/"]
    for path in paths[:4]:
        request(bench.cache_port, "a.localhost", path)
    backend.statuses.update({"/rb-down/": 500, "/rb-gone/": 404})
    backend.headers["/rb-private/"] = {"Cache-Control": "private"}
    try:
        outcomes = refresh_urls(
            bench.purge_location, [f"http://a.localhost{path}" for path in paths], timeout=5
        )
    finally:
        backend.statuses.pop("/rb-down/")
        backend.statuses.pop("/rb-gone/")
        backend.headers.pop("/rb-private/")
    assert outcomes == {
        "http://a.localhost/rb-new/": "refreshed",
        "http://a.localhost/rb-down/": "kept",
        "http://a.localhost/rb-gone/": "purged",
        # Django's Cache-Control: private — nginx keeps it out, so the old copy is purged.
        "http://a.localhost/rb-private/": "purged",
        "http://a.localhost/rb-cold/": "refreshed",  # nothing cached before: now it is
    }
    assert request(bench.cache_port, "a.localhost", "/rb-new/").body == "a.localhost /rb-new/ #2"
    down = request(bench.cache_port, "a.localhost", "/rb-down/")
    assert (down.cache, down.body) == ("HIT", "a.localhost /rb-down/ #1")
    assert request(bench.cache_port, "a.localhost", "/rb-gone/").cache == "MISS"
    assert request(bench.cache_port, "a.localhost", "/rb-private/").cache == "MISS"
    cold = request(bench.cache_port, "a.localhost", "/rb-cold/")
    assert (cold.cache, cold.body) == ("HIT", "a.localhost /rb-cold/ #1")


def test_refresh_backend_keeps_the_copy_when_the_endpoint_is_down():
    from sitepages.frontend_cache import refresh_urls

    nobody = f"http://127.0.0.1:{free_port()}"
    assert refresh_urls(nobody, ["http://a.localhost/"], timeout=2) == {
        "http://a.localhost/": "kept"
    }


def test_refresh_backend_in_purge_mode_sends_wagtails_purge(bench):
    from sitepages.frontend_cache import RefreshBackend

    request(bench.cache_port, "a.localhost", "/rb-purge-mode/")
    RefreshBackend({"LOCATION": bench.purge_location, "MODE": "purge"}).purge_batch(
        ["http://a.localhost/rb-purge-mode/"]
    )
    again = request(bench.cache_port, "a.localhost", "/rb-purge-mode/")
    assert (again.cache, again.body) == ("MISS", "a.localhost /rb-purge-mode/ #2")


def test_rendered_trust_list_names_loopback_only():
    text = (SNIPPETS / "schoolhost-cache-http.conf").read_text()
    block = re.search(r"geo \$schoolhost_refresh_trusted \{(.*?)\}", text, re.S).group(1)
    entries = [line.strip() for line in block.splitlines() if line.strip()]
    assert entries == ["default 0;", "127.0.0.1 1;", "::1 1;"]
    proxy = (SNIPPETS / "schoolhost-proxy-cache.conf").read_text()
    assert "proxy_cache_bypass $schoolhost_skip_cache $schoolhost_cache_refresh;" in proxy
    assert "proxy_no_cache $schoolhost_skip_cache;" in proxy
    # Only good answers replace a copy; errors fall back on it.
    assert re.findall(r"^proxy_cache_valid (.*);", proxy, re.M) == ["200 10m"]
    stale = re.search(r"^proxy_cache_use_stale (.*);", proxy, re.M).group(1).split()
    assert {"error", "timeout", "http_500", "http_502", "http_504", "updating"} <= set(stale)


@pytest.mark.parametrize(
    ("headers", "path", "method"),
    [
        ({"Cookie": "sessionid=editor"}, "/bypass-session/", "GET"),
        ({"Cookie": "_ga=GA1.1; csrftoken=token"}, "/bypass-csrf/", "GET"),
        ({"Cookie": "django_language=en"}, "/bypass-language/", "GET"),
        ({}, "/admin/pages/3/", "GET"),
        ({}, "/bypass-preview/?preview=1", "GET"),
        ({}, "/bypass-post/", "POST"),
    ],
)
def test_editors_previews_and_posts_bypass_the_cache_and_are_not_stored(
    bench, headers, path, method
):
    for expected in (1, 2):
        answer = request(bench.cache_port, "a.localhost", path, method=method, headers=headers)
        assert answer.body == f"a.localhost {path} #{expected}"
        assert answer.cache in ("BYPASS", None)
    # …and what they got was not stored for parents.
    parent = request(bench.cache_port, "a.localhost", path)
    always_bypassed = path.startswith(("/admin/", "/bypass-preview/"))
    assert parent.cache == ("BYPASS" if always_bypassed else "MISS")
    assert parent.body == f"a.localhost {path} #3"


def test_a_logged_in_editor_does_not_replace_the_parents_copy(bench):
    parent = request(bench.cache_port, "a.localhost", "/editor-view/")
    editor = request(bench.cache_port, "a.localhost", "/editor-view/",
                     headers={"Cookie": "sessionid=editor"})  # fmt: skip
    assert (editor.cache, editor.body) == ("BYPASS", "a.localhost /editor-view/ #2")
    again = request(bench.cache_port, "a.localhost", "/editor-view/")
    assert (again.cache, again.body) == ("HIT", parent.body)


@pytest.mark.parametrize("path", ["/private/", "/no-cache/", "/sets-cookie/"])
def test_djangos_cache_control_and_set_cookie_keep_answers_out(bench, path):
    for expected in (1, 2):
        answer = request(bench.cache_port, "a.localhost", path)
        assert answer.body == f"a.localhost {path} #{expected}"


@pytest.mark.parametrize(("path", "status"), [("/missing/", 404), ("/suspended/", 503)])
def test_only_successful_pages_are_stored(bench, path, status):
    for expected in (1, 2):
        answer = request(bench.cache_port, "a.localhost", path)
        assert (answer.status, answer.body) == (status, f"a.localhost {path} #{expected}")


def test_vary_is_ignored_and_the_stored_page_is_in_the_sites_language(bench, backend):
    first = request(bench.cache_port, "a.localhost", "/gioi-thieu/",
                    headers={"Accept-Language": "en-US,en", "Accept-Encoding": "gzip"})  # fmt: skip
    assert first.cache == "MISS"
    upstream = backend.last_request("/gioi-thieu/")
    assert "Accept-Language" not in upstream and "Accept-Encoding" not in upstream
    other = request(bench.cache_port, "a.localhost", "/gioi-thieu/",
                    headers={"Accept-Language": "vi", "Cookie": "_ga=GA1.2.3"})  # fmt: skip
    assert (other.cache, other.body) == ("HIT", first.body)
    # A request that bypasses the cache keeps the browser's language.
    request(bench.cache_port, "a.localhost", "/gioi-thieu/",
            headers={"Accept-Language": "en", "Cookie": "sessionid=x"})  # fmt: skip
    assert backend.last_request("/gioi-thieu/")["Accept-Language"] == "en"


def test_tracking_query_strings_share_the_pages_entry_and_its_purge(bench):
    page = request(bench.cache_port, "a.localhost", "/thong-bao/")
    for tracked in ("/thong-bao/?fbclid=IwAR0abc", "/thong-bao/?zarsrc=31&utm_source=zalo"):
        answer = request(bench.cache_port, "a.localhost", tracked)
        assert (answer.cache, answer.body) == ("HIT", page.body)
    real_query = request(bench.cache_port, "a.localhost", "/thong-bao/?page=2")
    assert real_query.cache == "MISS"
    request(bench.purge_port, "a.localhost", "/thong-bao/", method="PURGE")
    assert request(bench.cache_port, "a.localhost", "/thong-bao/?fbclid=x").cache == "MISS"


def test_ceiling_server_serves_a_static_file(bench):
    (bench.ceiling_root / "home.html").write_text("<p>ceiling</p>")
    answer = request(bench.static_port, "a.localhost", "/home.html")
    assert (answer.status, answer.body) == (200, "<p>ceiling</p>")


def test_bench_nginx_stops_and_leaves_no_process(backend):
    folder = folder_make()
    nginx = BenchNginx(folder, upstream_port=backend.port, workers="1").start()
    pid = nginx.process.pid
    nginx.stop()
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", nginx.cache_port), timeout=0.5).close()
    shutil.rmtree(folder, ignore_errors=True)


# --- the production site, live (TLS, wildcard hosts, static/media, https purge) ----------------


@pytest.fixture(scope="module")
def production(backend):
    folder = folder_make()
    rendered = production_render(folder, upstream_port=backend.port)
    (folder / "srv" / "static").mkdir(parents=True)
    (folder / "srv" / "static" / "site.css").write_text("body{}")
    images = folder / "srv" / "media" / "thcs_a" / "images"
    documents = folder / "srv" / "media" / "thcs_a" / "documents"
    images.mkdir(parents=True)
    documents.mkdir(parents=True)
    (images / "logo.txt").write_text("logo")
    (documents / "private.pdf").write_text("secret")
    process = subprocess.Popen(
        rendered.command(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        for port in rendered.ports.values():
            port_wait(port)
        yield rendered
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(folder, ignore_errors=True)


def test_production_https_cache_is_per_host_and_purged_with_https_keys(production, backend):
    https, purge = production.ports[443], production.ports[8080]
    a, b = "thcs-a.truong.edu.vn", "thcs-b.truong.edu.vn"
    first = request(https, a, "/", tls=True)
    assert (first.status, first.cache) == (200, "MISS")
    assert "max-age" in first.headers["Strict-Transport-Security"]
    assert backend.last_request("/")["X-Forwarded-Proto"] == "https"
    assert request(https, a, "/", tls=True).cache == "HIT"
    assert request(https, b, "/", tls=True).cache == "MISS"
    purged = request(purge, a, "/", method="PURGE")
    assert purged.status == 200 and f"https{a}/" in purged.body
    assert request(https, a, "/", tls=True).cache == "MISS"
    assert request(https, b, "/", tls=True).cache == "HIT"


def test_production_refresh_stores_the_https_copy_django_renders(production, backend):
    https, purge = production.ports[443], production.ports[8080]
    host = "thcs-a.truong.edu.vn"
    first = request(https, host, "/refresh-tls/", tls=True)
    refreshed = request(purge, host, "/refresh-tls/")
    assert (refreshed.status, refreshed.cache) == (200, "BYPASS")
    # Django was told https, as for a parent, so its links in the stored copy are https.
    assert backend.last_request("/refresh-tls/")["X-Forwarded-Proto"] == "https"
    stored = request(https, host, "/refresh-tls/", tls=True)
    assert stored.cache == "HIT" and stored.body != first.body == f"{host} /refresh-tls/ #1"


def test_production_http_redirects_and_unknown_hosts_get_nothing(production):
    http_port, https = production.ports[80], production.ports[443]
    moved = request(http_port, "thcs-a.truong.edu.vn", "/tin-tuc/?page=2")
    assert moved.status == 301
    assert moved.headers["Location"] == "https://thcs-a.truong.edu.vn/tin-tuc/?page=2"
    # `return 444`: the connection is closed without an answer.
    with pytest.raises((ConnectionError, http.client.HTTPException)):
        request(http_port, "evil.example", "/")
    # `ssl_reject_handshake on`: no certificate, no page.
    with pytest.raises((ssl.SSLError, ConnectionError)):
        request(https, "evil.example", "/", tls=True)


def test_production_serves_static_and_images_but_never_documents_from_disk(production):
    https = production.ports[443]
    host = "thcs-a.truong.edu.vn"
    assert request(https, host, "/static/site.css", tls=True).body == "body{}"
    assert request(https, host, "/media/thcs_a/images/logo.txt", tls=True).body == "logo"
    assert request(https, host, "/media/thcs_a/documents/private.pdf", tls=True).status == 404


# --- systemd, Procfile, compose, Dockerfile -------------------------------------------------------

UNITS = sorted((DEPLOY / "systemd").glob("*.service"))


def _unit(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str
    parser.read_string(path.read_text())
    return parser


def test_systemd_units_parse_and_run_the_right_processes():
    assert [p.name for p in UNITS] == [
        "schoolhost-beat.service", "schoolhost-web.service", "schoolhost-worker.service",
    ]  # fmt: skip
    units = {p.stem.removeprefix("schoolhost-"): _unit(p) for p in UNITS}
    for unit in units.values():
        assert set(unit.sections()) == {"Unit", "Service", "Install"}
        service = unit["Service"]
        assert service["EnvironmentFile"] == "/etc/schoolhost/schoolhost.env"
        assert service["User"] == "schoolhost"
        assert service["WorkingDirectory"] == "/srv/schoolhost/app"
        assert unit["Install"]["WantedBy"] == "multi-user.target"
    web = units["web"]["Service"]["ExecStart"]
    assert "gunicorn --config deploy/gunicorn.conf.py schoolhost.wsgi:application" in web
    assert units["web"]["Service"]["Type"] == "notify"
    assert "celery -A schoolhost worker" in units["worker"]["Service"]["ExecStart"]
    beat = units["beat"]["Service"]["ExecStart"]
    assert "celery -A schoolhost beat" in beat
    assert "--scheduler django_celery_beat.schedulers:DatabaseScheduler" in beat


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="systemd-analyze not installed")
def test_systemd_units_pass_systemd_analyze_verify():
    folder = folder_make()
    try:
        for unit in UNITS:
            # The units name /srv/schoolhost/app; here the executables are this checkout's.
            text = unit.read_text().replace("/srv/schoolhost/app/.venv/bin", str(VENV_BIN))
            (folder / unit.name).write_text(text.replace("/srv/schoolhost/app", str(REPO)))
        result = subprocess.run(
            ["systemd-analyze", "verify", *sorted(str(p) for p in folder.glob("*.service"))],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        assert result.returncode == 0 and not result.stderr.strip(), result.stderr
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_procfile_runs_migrations_web_worker_and_one_beat():
    processes = {}
    for line in (DEPLOY / "Procfile").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, command = line.split(":", 1)
            processes[name] = command.strip()
    assert set(processes) == {"release", "web", "worker", "beat"}
    release = processes["release"]
    steps = ["migrate_schemas --shared", "prepare_school_template", "migrate_schemas --tenant"]
    assert [release.index(step) for step in steps] == sorted(release.index(s) for s in steps)
    assert "schoolhost.wsgi:application" in processes["web"]
    assert "DatabaseScheduler" in processes["beat"]
    for name, command in processes.items():
        assert (VENV_BIN / command.split()[0]).exists(), (name, command)


def test_compose_file_parses_and_wires_the_services():
    import yaml  # a dev dependency: a missing install must fail, never skip

    compose = yaml.safe_load((DEPLOY / "docker-compose.yml").read_text())
    services = compose["services"]
    assert set(services) == {"db", "redis", "migrate", "web", "worker", "beat", "nginx"}
    assert services["db"]["image"] == "postgres:15"
    assert services["redis"]["image"] == "redis:7"
    for name in ("migrate", "web", "worker", "beat"):
        service = services[name]
        assert service["environment"]["DJANGO_SETTINGS_MODULE"] == "schoolhost.settings.production"
        assert service["build"]["target"] == "app"
        if name != "migrate":
            assert service["depends_on"]["migrate"]["condition"] == (
                "service_completed_successfully"
            )
    migrate = " ".join(services["migrate"]["command"])
    steps = ["migrate_schemas --shared", "prepare_school_template", "migrate_schemas --tenant"]
    assert [migrate.index(step) for step in steps] == sorted(migrate.index(s) for s in steps)
    assert "schoolhost.wsgi:application" in services["web"]["command"]
    assert "django_celery_beat.schedulers:DatabaseScheduler" in services["beat"]["command"]
    assert services["beat"]["deploy"]["replicas"] == 1
    assert services["nginx"]["build"]["target"] == "nginx"
    assert services["web"]["environment"]["FRONTEND_CACHE_PURGE_URLS"] == "http://nginx:8080"


def test_dockerfile_targets_and_copied_files_exist():
    text = (DEPLOY / "Dockerfile").read_text()
    assert re.search(r"^FROM python:3\.11\S* AS app$", text, re.M)
    assert re.search(r"^FROM debian:bookworm\S* AS nginx$", text, re.M)
    assert "libnginx-mod-http-cache-purge" in text
    for source in re.findall(r"^COPY (?!--from)(\S+) ", text, re.M):
        assert (REPO / source).exists(), source


# --- environment and production settings ---------------------------------------------------------

ENV_READ = re.compile(r"""os\.(?:environ\.get|getenv)\(\s*["']([A-Z][A-Z0-9_]*)["']|"""
                      r"""os\.environ\[\s*["']([A-Z][A-Z0-9_]*)["']\s*\]""")  # fmt: skip


def settings_env_vars(*modules: str) -> set[str]:
    """Environment variables read by schoolhost/settings/<module>.py (all modules if none)."""
    names = set()
    folder = REPO / "schoolhost" / "settings"
    paths = [folder / f"{m}.py" for m in modules] if modules else folder.glob("*.py")
    for path in paths:
        for match in ENV_READ.finditer(path.read_text()):
            names.add(match.group(1) or match.group(2))
    return names


def test_every_environment_variable_the_settings_read_is_documented():
    names = settings_env_vars()
    assert {"SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS"} <= names
    readme = (DEPLOY / "README.md").read_text()
    table = {m for m in re.findall(r"^\| `([A-Z][A-Z0-9_]*)`", readme, re.M)}
    assert names - table == set(), "document these in deploy/README.md, section Environment"
    example = (DEPLOY / "schoolhost.env.example").read_text()
    in_example = set(re.findall(r"^([A-Z][A-Z0-9_]*)=", example, re.M))
    production = settings_env_vars("base", "production")
    assert production - in_example == set(), "add these to deploy/schoolhost.env.example"
    assert in_example - table == set(), "the env example has variables README does not explain"


def production_env(**changes) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DEBUG"}}
    env.update(
        DJANGO_SETTINGS_MODULE="schoolhost.settings.production",
        SECRET_KEY="k3Yq9-XnV0s2bLr7TmW4eHcZpJ8uFyA1dGiOq6RtSvN5wMxE",
        ALLOWED_HOSTS=".truong.edu.vn",
        DEBUG="0",
    )
    for name, value in changes.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def run_python(code: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True,
        timeout=120, check=False,
    )  # fmt: skip


def test_production_settings_start_with_a_safe_environment():
    result = run_python(
        "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)",
        production_env(),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, "sitepages.frontend_cache.RefreshBackend refresh True"),
        ({"FRONTEND_CACHE_MODE": "purge"}, "sitepages.frontend_cache.RefreshBackend purge True"),
        ({"FRONTEND_CACHE_QUEUED": "0"}, "sitepages.frontend_cache.RefreshBackend refresh False"),
    ],
)
def test_production_settings_refresh_the_front_cache_by_default(changes, expected):
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "b = settings.WAGTAILFRONTENDCACHE['nginx1']; "
        "print(b['BACKEND'], b['MODE'], b['QUEUED'], b['LOCATION'])"
    )
    env = production_env(FRONTEND_CACHE_PURGE_URLS="http://127.0.0.1:8080", **changes)
    for name in ("FRONTEND_CACHE_MODE", "FRONTEND_CACHE_QUEUED"):
        if name not in changes:
            env.pop(name, None)
    result = run_python(code, env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{expected} http://127.0.0.1:8080"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"DEBUG": "1"}, "DEBUG is on"),
        ({"DEBUG": "true"}, "DEBUG is on"),
        ({"SECRET_KEY": None}, "SECRET_KEY is missing, the development default"),
        ({"SECRET_KEY": "dev-insecure-schoolhost-key-but-long-enough-1234"}, "SECRET_KEY is"),
        ({"SECRET_KEY": "short-secret"}, "shorter than 32 characters"),
        ({"ALLOWED_HOSTS": None}, "ALLOWED_HOSTS is empty"),
        ({"ALLOWED_HOSTS": ""}, "ALLOWED_HOSTS is empty"),
    ],
)
def test_production_settings_refuse_to_start_when_unsafe(changes, message):
    result = run_python("import django; django.setup()", production_env(**changes))
    assert result.returncode != 0
    assert "ImproperlyConfigured: Refusing to start in production" in result.stderr
    assert message in result.stderr


def test_gunicorn_accepts_the_config_and_loads_the_app():
    gunicorn = str(VENV_BIN / "gunicorn")
    base = [gunicorn, "--config", "deploy/gunicorn.conf.py"]
    env = production_env(GUNICORN_WORKERS="3")
    printed = subprocess.run(
        [*base, "--print-config", "schoolhost.wsgi:application"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    config = dict(
        (line.split("=", 1)[0].strip(), line.split("=", 1)[1].strip())
        for line in printed.stdout.splitlines()
        if "=" in line
    )
    assert config["workers"] == "3"
    assert config["worker_class"] == "sync"
    assert config["bind"] == "['127.0.0.1:8000']"
    checked = subprocess.run(
        [*base, "--check-config", "schoolhost.wsgi:application"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert checked.returncode == 0, checked.stderr
    refused = subprocess.run(
        [*base, "--check-config", "schoolhost.wsgi:application"],
        cwd=REPO, env=production_env(DEBUG="1"), capture_output=True, text=True, timeout=60,
        check=False,
    )  # fmt: skip
    assert refused.returncode != 0 and "DEBUG is on" in refused.stderr


def test_manage_sh_reads_the_env_example_and_production_refuses_it_until_filled_in():
    example = (DEPLOY / "schoolhost.env.example").read_text()
    folder = folder_make()
    try:
        unfilled = folder / "unfilled.env"
        unfilled.write_text(example)
        env = production_env(SECRET_KEY=None, ALLOWED_HOSTS=None)
        env["SCHOOLHOST_ENV_FILE"] = str(unfilled)
        refused = subprocess.run(
            [str(DEPLOY / "manage.sh"), "check"], env=env, capture_output=True, text=True,
            timeout=120, check=False,
        )  # fmt: skip
        assert refused.returncode != 0
        assert "SECRET_KEY is missing" in refused.stderr

        filled = folder / "filled.env"
        secret = "k3Yq9-XnV0s2bLr7TmW4eHcZpJ8uFyA1dGiOq6RtSvN5wMxE"
        filled.write_text(example.replace("\nSECRET_KEY=\n", f"\nSECRET_KEY={secret}\n"))
        env["SCHOOLHOST_ENV_FILE"] = str(filled)
        checked = subprocess.run(
            [str(DEPLOY / "manage.sh"), "check", "--deploy", "--fail-level", "ERROR"],
            env=env, capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
        assert checked.returncode == 0, checked.stderr
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_the_demo_front_serves_static_and_images_from_disk_and_never_documents(bench):
    """`make demo` serves through this nginx (scripts/run-demo.sh), as production does."""
    (bench.static_root / "css").mkdir(parents=True, exist_ok=True)
    (bench.static_root / "css" / "site.css").write_text("body{}")
    images = bench.media_root / "thcs_a" / "original_images"
    images.mkdir(parents=True, exist_ok=True)
    (images / "anh.jpg").write_bytes(b"jpeg bytes")
    documents = bench.media_root / "thcs_a" / "documents"
    documents.mkdir(parents=True, exist_ok=True)
    (documents / "bang-diem.pdf").write_bytes(b"%PDF private")

    assert request(bench.cache_port, "a.localhost", "/static/css/site.css").body == "body{}"
    image = request(bench.cache_port, "a.localhost", "/media/thcs_a/original_images/anh.jpg")
    assert image.status == 200
    # A photo opens in the browser, never as a download (the trial's "Xem ảnh lớn").
    assert image.headers["Content-Type"] == "image/jpeg"
    (images / "anh.webp").write_bytes(b"webp bytes")
    webp = request(bench.cache_port, "a.localhost", "/media/thcs_a/original_images/anh.webp")
    assert webp.headers["Content-Type"] == "image/webp"
    document = request(bench.cache_port, "a.localhost", "/media/thcs_a/documents/bang-diem.pdf")
    assert document.status == 404  # documents go through Django, which checks privacy


def test_the_demo_serves_with_gunicorn_behind_nginx_and_debug_off():
    script = (REPO / "scripts" / "run-demo.sh").read_text()
    assert "runserver" not in script
    assert "gunicorn -c deploy/gunicorn.conf.py" in script
    assert "benchnginx.py --render" in script
    assert "export DEBUG=${DEBUG:-0}" in script
