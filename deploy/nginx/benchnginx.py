"""Render and run deploy/nginx/bench.conf.template: an unprivileged nginx on loopback ports.

Used by the deploy tests (tests/deploy/) and by the serving benchmark. Everything nginx writes
goes under one folder; the nginx master runs in the foreground (`daemon off`) as our child, so
stopping it is stopping one process id.

    from benchnginx import BenchNginx, free_port   # deploy/nginx on sys.path
    with BenchNginx(folder, upstream_port=8000) as nginx:
        nginx.cache_url, nginx.static_url, nginx.purge_location

As a command (prints the ports and waits until Ctrl-C):

    python deploy/nginx/benchnginx.py --folder var/bench-nginx --upstream-port 8000
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEMPLATE = HERE / "bench.conf.template"
SNIPPETS = HERE / "snippets"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
PLACEHOLDER = re.compile(r"@[A-Z_]+@")


def free_port() -> int:
    """A loopback TCP port nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def port_wait(port: int, *, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise TimeoutError(f"nothing listens on 127.0.0.1:{port}") from None
            time.sleep(0.02)


@dataclass
class BenchNginx:
    """One nginx under `folder`: cache port → gunicorn at `upstream_port`, ceiling, purge."""

    folder: Path
    upstream_port: int
    cache_port: int = field(default_factory=free_port)
    static_port: int = field(default_factory=free_port)
    purge_port: int = field(default_factory=free_port)
    ceiling_root: Path | None = None
    static_root: Path | None = None  # STATIC_ROOT (collectstatic's output)
    media_root: Path | None = None  # MEDIA_ROOT (every school's uploads under <schema>/)
    workers: str = "auto"
    process: subprocess.Popen | None = field(default=None, init=False, repr=False)

    def __post_init__(self):
        self.folder = Path(self.folder).resolve()
        self.ceiling_root = Path(self.ceiling_root or self.folder / "ceiling").resolve()
        self.static_root = Path(self.static_root or self.folder / "static").resolve()
        self.media_root = Path(self.media_root or self.folder / "media").resolve()

    @property
    def conf_path(self) -> Path:
        return self.folder / "nginx.conf"

    @property
    def cache_url(self) -> str:
        return f"http://127.0.0.1:{self.cache_port}"

    @property
    def static_url(self) -> str:
        return f"http://127.0.0.1:{self.static_port}"

    @property
    def purge_location(self) -> str:
        """What to put in WAGTAILFRONTENDCACHE[…]["LOCATION"]."""
        return f"http://127.0.0.1:{self.purge_port}"

    def render(self) -> Path:
        """Write nginx.conf (and the folders it names) under `folder`; returns its path."""
        for sub in ("tmp", "cache", "ceiling"):
            (self.folder / sub).mkdir(parents=True, exist_ok=True)
        for root in (self.ceiling_root, self.static_root, self.media_root):
            root.mkdir(parents=True, exist_ok=True)
        # Run as root (a container, CI), nginx would hand its workers to `nobody`, who cannot
        # enter a private temporary folder; keep them as the invoking user instead.
        user_line = "user root;" if os.geteuid() == 0 else ""
        values = {
            "PREFIX": str(self.folder),
            "SNIPPETS": str(SNIPPETS),
            "UPSTREAM_PORT": str(self.upstream_port),
            "CACHE_PORT": str(self.cache_port),
            "STATIC_PORT": str(self.static_port),
            "PURGE_PORT": str(self.purge_port),
            "CEILING_ROOT": str(self.ceiling_root),
            "STATIC_ROOT": str(self.static_root),
            "MEDIA_ROOT": str(self.media_root),
            "WORKERS": str(self.workers),
            "USER_LINE": user_line,
        }
        text = TEMPLATE.read_text()
        for name, value in values.items():
            text = text.replace(f"@{name}@", value)
        directives = "\n".join(
            line for line in text.splitlines() if not line.lstrip().startswith("#")
        )
        if left := PLACEHOLDER.findall(directives):
            raise ValueError(f"bench.conf.template: no value for {sorted(set(left))}")
        self.conf_path.write_text(text)
        return self.conf_path

    def command(self, *extra: str) -> list[str]:
        return [
            NGINX, "-p", f"{self.folder}/", "-c", str(self.conf_path),
            "-e", str(self.folder / "error.log"), *extra,
        ]  # fmt: skip

    def test(self) -> subprocess.CompletedProcess:
        """`nginx -t` on the rendered configuration."""
        self.render()
        return subprocess.run(self.command("-t"), capture_output=True, text=True, check=False)

    def start(self) -> BenchNginx:
        self.render()
        self.process = subprocess.Popen(
            self.command(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        try:
            for port in (self.cache_port, self.static_port, self.purge_port):
                port_wait(port)
        except TimeoutError:
            self.stop()
            log = (self.folder / "error.log").read_text(errors="replace")
            raise RuntimeError(f"nginx did not start:\n{log}") from None
        return self

    def stop(self) -> None:
        """Graceful stop of the master (it takes its workers with it); kill after 10 s."""
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process.stderr:
            self.process.stderr.close()
        self.process = None

    def __enter__(self) -> BenchNginx:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, required=True)
    parser.add_argument("--upstream-port", type=int, required=True, help="gunicorn's port")
    parser.add_argument("--cache-port", type=int, default=None)
    parser.add_argument("--static-port", type=int, default=None)
    parser.add_argument("--purge-port", type=int, default=None)
    parser.add_argument("--ceiling-root", type=Path, default=None)
    parser.add_argument("--static-root", type=Path, default=None)
    parser.add_argument("--media-root", type=Path, default=None)
    parser.add_argument("--workers", default="auto")
    parser.add_argument(
        "--render",
        action="store_true",
        help="only write nginx.conf and print the command that runs nginx (in the foreground)",
    )
    args = parser.parse_args()
    ports = {
        name: value
        for name in ("cache_port", "static_port", "purge_port")
        if (value := getattr(args, name)) is not None
    }
    nginx = BenchNginx(
        args.folder, args.upstream_port, ceiling_root=args.ceiling_root, workers=args.workers,
        static_root=args.static_root, media_root=args.media_root,
        **ports,
    )  # fmt: skip
    if args.render:
        nginx.render()
        print(shlex.join(nginx.command()))
        return
    with nginx:
        print(f"cache  {nginx.cache_url}  → gunicorn 127.0.0.1:{nginx.upstream_port}")
        print(f"static {nginx.static_url}  (files under {nginx.ceiling_root})")
        print(f"purge  {nginx.purge_location}  (WAGTAILFRONTENDCACHE LOCATION)")
        print("Ctrl-C stops nginx.", flush=True)
        try:
            nginx.process.wait()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
