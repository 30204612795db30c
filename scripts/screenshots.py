"""`make screenshots`: a demo school's site on a 390×844 phone, as PNG files for review.

Uses the database `make demo` / `make migrate` prepared (the one `var/env.sh` names): the demo
school is created if it is missing and given the demo content (idempotent, the same pages
`make demo` shows: news, two photo albums, this week's schedule…). A Django server of its own
is started on a free port of 127.0.0.1 (DEBUG off, as parents see the site), chromium opens the
home page, this week's work schedule, a photo album and a news article, scrolls each to the end
(the lazy photos load) and saves two PNGs per page into var/screenshots/ (git-ignored): the
first screen (`<name>.png`) and the whole page (`<name>-full.png`). The server is stopped at the
end. `SCREENSHOT_SCHOOL` picks another demo host, `SCREENSHOT_DIR` another folder.

Needs the dev dependencies (Playwright) and Debian's chromium (`scripts/system-deps.sh`).
"""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "schoolhost.settings.dev")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 390, "height": 844}
DEFAULT_HOST = "thcs-nguyen-du.localhost"
SERVER_LOG = ROOT / "var" / "log" / "screenshots-server.log"
SCROLL_STEP = 600  # px per step while scrolling a page to its end (lazy images load)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def demo_school_ready(host: str) -> dict[str, str]:
    """Make sure the demo school at `host` exists with its content; return {name: path}."""
    import django

    django.setup()
    from django_tenants.utils import schema_context

    from demo.content import demo_content_create
    from demo.data import DEMO_SCHOOLS
    from demo.loading import demo_load
    from sitepages import models as m
    from tenants.models import Domain

    spec = [row for row in DEMO_SCHOOLS if row[2] == host]
    if not spec:
        raise SystemExit(f"{host} is not a demo school; choose one of: "
                         + ", ".join(row[2] for row in DEMO_SCHOOLS))  # fmt: skip
    demo_load(log=print, schools=spec)
    school = Domain.objects.select_related("tenant").get(domain=host).tenant
    with schema_context(school.schema_name):
        demo_content_create(levels=school.levels)
        schedule = m.WorkSchedulePage.objects.live().order_by("-week_start").first()
        album = m.AlbumPage.objects.live().order_by("first_published_at").first()
        news = m.NewsPage.objects.live().exclude(kind="urgent").order_by("-first_published_at")
        article = news.exclude(image=None).first() or news.first()
        return {
            "home": "/",
            "work-schedule": schedule.url,
            "album": album.url,
            "news-article": article.url,
            "news": m.NewsIndexPage.objects.get().url,
        }


def server_start(port: int) -> subprocess.Popen:
    """`manage.py runserver` on 127.0.0.1:`port` with DEBUG off; its log in var/log/."""
    env = {**os.environ, "DEBUG": "0", "SITE_URL_PORT": str(port)}
    SERVER_LOG.parent.mkdir(parents=True, exist_ok=True)
    log = SERVER_LOG.open("wb")
    process = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload",
         "--insecure"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    for _ in range(60):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/favicon.ico", timeout=2)
            return process
        except urllib.error.HTTPError:
            return process  # it answers
        except OSError:
            if process.poll() is not None:
                raise SystemExit(f"the server did not start: see {SERVER_LOG}") from None
            time.sleep(0.5)
    process.terminate()
    raise SystemExit("the server did not answer within 30 s")


def shoot(base: str, pages: dict[str, str], folder: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    folder.mkdir(parents=True, exist_ok=True)
    saved = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport=PHONE, locale="vi-VN", device_scale_factor=2)
        for name, path in pages.items():
            response = page.goto(base + path, wait_until="load", timeout=120_000)
            if response is None or response.status != 200:
                status = response.status if response else "no response"
                print(f"  {name}: {path} answered {status}", file=sys.stderr)
            page.wait_for_load_state("networkidle")  # the photos in view (lazy) have loaded
            page.screenshot(path=folder / f"{name}.png")
            height = page.evaluate("document.documentElement.scrollHeight")
            for _ in range(0, height, SCROLL_STEP):
                page.mouse.wheel(0, SCROLL_STEP)
                page.wait_for_timeout(100)
            page.wait_for_load_state("networkidle")
            page.mouse.wheel(0, -height)
            page.screenshot(path=folder / f"{name}-full.png", full_page=True)
            saved += [folder / f"{name}.png", folder / f"{name}-full.png"]
        browser.close()
    return saved


def main() -> int:
    host = os.environ.get("SCREENSHOT_SCHOOL", DEFAULT_HOST)
    folder = Path(os.environ.get("SCREENSHOT_DIR", ROOT / "var" / "screenshots"))
    pages = demo_school_ready(host)
    port = free_port()
    server = server_start(port)
    try:
        saved = shoot(f"http://{host}:{port}", pages, folder)
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(f"{len(saved)} screenshots of http://{host}/ at {PHONE['width']}×{PHONE['height']}:")
    for path in saved:
        print(f"  {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
