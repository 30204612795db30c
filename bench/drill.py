"""`make drill`: parents keep reading while things break (issue 11, faults and load).

On loopback only, with a private PostgreSQL cluster and a private Redis under var/drill/ (so the
restart hurts nobody else): `--schools` schools (20) served by gunicorn behind the nginx front
cache; wrk plays `--parents` parents (200) over every school's pages for `--seconds` (60) while
an editor publishes a news item every `--publish-every` seconds in a random school, the Celery
worker is killed (SIGKILL) and restarted, and PostgreSQL is restarted (fast shutdown).

Prints, and writes to bench/results/drill.json: the date and load average, requests, parents'
errors (non-2xx/3xx answers and socket errors), p50/p99 latency (ms), publications committed
and how many are live with their publish log entry and their entry in the school's evidence
chain afterwards, schools whose evidence chain verifies, schools whose stored evaluation is
newer than their last publication (after at most `--settle` seconds), and how long each fault
lasted (s). docs/reliability.md keeps the last run's figures.

    python bench/drill.py [--schools 20] [--parents 200] [--seconds 60]
"""

import argparse
import glob
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "deploy" / "nginx"))
from benchnginx import BenchNginx, free_port, port_wait  # noqa: E402

from bench.serving import wrk_figures, wrk_output  # noqa: E402

FOLDER = ROOT / "var" / "drill"
PATHS = ["/", "/tin-tuc/", "/ke-hoach/", "/van-ban/", "/lien-he/"]


def _pg_bin(program: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{program}"))
    if not found:
        raise SystemExit(f"{program} not found: sudo apt-get install postgresql")
    return found[-1]


class PrivatePostgres:
    """A PostgreSQL cluster of our own in var/drill/pg on a free loopback port."""

    def __init__(self, folder: Path):
        self.data = folder / "pg"
        self.port = free_port()
        self.log = folder / "pg" / "server.log"

    def start(self) -> None:
        if not (self.data / "PG_VERSION").exists():
            self.data.mkdir(parents=True, exist_ok=True)
            self._own(self.data.parent)
            self._own(self.data)
            subprocess.run(
                [*self._as_owner(), _pg_bin("initdb"), "-D", str(self.data), "-U", "postgres",
                 "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"],
                check=True, capture_output=True,
            )  # fmt: skip
        self._ctl("start", "-w", "-l", str(self.log), "-o", self._options())

    @staticmethod
    def _as_owner() -> list[str]:
        """PostgreSQL refuses to run as root: as root, run its programs as `postgres`."""
        return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    @staticmethod
    def _own(path: Path) -> None:
        if os.geteuid() == 0:
            shutil.chown(path, "postgres")

    def _options(self) -> str:
        return (
            f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1 "
            "-c max_connections=200 -c max_locks_per_transaction=256"
        )

    def restart(self) -> float:
        """Fast shutdown (clients disconnected, committed work kept) and start; seconds down."""
        started = time.monotonic()
        self._ctl("restart", "-w", "-m", "fast", "-l", str(self.log), "-o", self._options())
        return time.monotonic() - started

    def stop(self) -> None:
        self._ctl("stop", "-m", "fast")

    def _ctl(self, *args: str) -> None:
        subprocess.run(
            [*self._as_owner(), _pg_bin("pg_ctl"), "-D", str(self.data), *args],
            check=True,
            capture_output=True,
        )

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/schoolhost_drill"


def _setup_django(pg: PrivatePostgres, redis_port: int, purge_port: int) -> dict:
    env = {
        "DATABASE_URL": pg.url,
        "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
        "CELERY_BROKER_URL": f"redis://127.0.0.1:{redis_port}/1",
        "CACHE_KEY_PREFIX": "drill",
        "DJANGO_SETTINGS_MODULE": "schoolhost.settings.dev",
        "DEBUG": "0",
        "FRONTEND_CACHE_PURGE_URLS": f"http://127.0.0.1:{purge_port}",
        "MEDIA_ROOT": str(FOLDER / "media"),
        "SCHOOL_SCHEMA_POOL_SIZE": "0",
    }
    os.environ.update(env)
    subprocess.run([sys.executable, str(ROOT / "scripts" / "ensure_database.py")], check=True)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate_schemas", shared=True, interactive=False, verbosity=0)
    from tenants.services.template import school_template_ensure

    school_template_ensure()
    return env


def _schools(count: int) -> list:
    """`count` schools with a few weeks of content, kept in the drill's database between runs."""
    from demo.history import school_content_fill
    from tenants.models import Authority, School
    from tenants.services.provisioning import school_provision

    authority, _ = Authority.objects.get_or_create(
        code="drill", defaults={"name": "Phòng GD&ĐT diễn tập", "kind": "district"}
    )
    schools = list(School.objects.real().filter(authority=authority).order_by("code"))
    for number in range(len(schools) + 1, count + 1):
        school = school_provision(
            authority=authority,
            name=f"Trường Tiểu học Diễn tập {number}",
            levels="primary",
            domain=f"drill-{number}.localhost",
        ).school
        school_content_fill(school=school, weeks=1)
        schools.append(school)
        print(f"  school {number}/{count} ready", flush=True)
    return schools[:count]


def _hosts(schools) -> list[str]:
    from tenants.selectors import school_primary_host

    return [school_primary_host(school) for school in schools]


def _gunicorn(port: int, env: dict) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "deploy" / "gunicorn.conf.py"),
         "schoolhost.wsgi:application"],
        cwd=ROOT, env={**os.environ, **env, "GUNICORN_BIND": f"127.0.0.1:{port}",
                       "GUNICORN_WORKERS": "3"},
        stdout=subprocess.DEVNULL, stderr=open(FOLDER / "gunicorn.log", "w"),
    )  # fmt: skip
    port_wait(port, timeout=60)
    return process


def _worker(env: dict) -> subprocess.Popen:
    return subprocess.Popen(
        [str(Path(sys.executable).parent / "celery"), "-A", "schoolhost", "worker",
         "--concurrency=2", "--loglevel=WARNING"],
        cwd=ROOT, env={**os.environ, **env},
        stdout=subprocess.DEVNULL, stderr=open(FOLDER / "worker.log", "a"),
    )  # fmt: skip


def _wrk_script(hosts: list[str]) -> Path:
    """A wrk Lua script: each request a random school and page, as many parents would."""
    lua = FOLDER / "parents.lua"
    lua.write_text(
        "local hosts = {" + ",".join(f'"{h}"' for h in hosts) + "}\n"
        "local paths = {" + ",".join(f'"{p}"' for p in PATHS) + "}\n"
        "request = function()\n"
        "  local h = hosts[math.random(#hosts)]\n"
        "  return wrk.format('GET', paths[math.random(#paths)], {Host = h})\n"
        "end\n"
    )
    return lua


def _warm(url: str, hosts: list[str], *, tries: int = 20) -> int:
    """Fetch every school's pages through the front cache, one at a time, until each is a
    fresh HIT (at most `tries` reads, 0.5 s apart); returns how many are. A timed warm-up under
    load leaves pages out (a cold gunicorn's first render outlasts the cache lock, 5 s), and a
    copy kept from an earlier run is stale (10 min) and refreshed in the background."""
    import urllib.request

    stored = 0
    for host in hosts:
        for path in PATHS:
            request = urllib.request.Request(url + path, headers={"Host": host})
            for _ in range(tries):
                try:
                    with urllib.request.urlopen(request, timeout=60) as response:
                        status = response.headers.get("X-Cache-Status", "")
                except OSError:
                    status = ""
                if status == "HIT":
                    stored += 1
                    break
                time.sleep(0.5)
    return stored


def _wrk(url: str, script: Path, *, connections: int, seconds: int) -> dict:
    out = wrk_output(
        url, "--timeout", "10s", "-s", str(script), connections=connections, seconds=seconds
    )
    figures = wrk_figures(out)
    return {
        "requests": figures["requests"],
        "errors_http": figures["non_2xx"],
        "errors_socket": figures["socket_errors"],
        **{key: round(value, 2) for key, value in figures.items() if key.startswith("p")},
        "raw": out,
    }


class Editor(threading.Thread):
    """Publishes a news item in a random school every `every` seconds until stopped."""

    def __init__(self, schools, every: float):
        super().__init__(daemon=True)
        self.schools, self.every = schools, every
        self.committed: list[tuple[str, int, float]] = []  # (schema, page id, wall time)
        self.failed = 0
        self.stopping = threading.Event()

    def run(self) -> None:
        from django.db import connection
        from django_tenants.utils import schema_context

        from sitepages import models as m

        rng = random.Random(11)
        number = 0
        while not self.stopping.wait(self.every):
            school = rng.choice(self.schools)
            number += 1
            try:
                with schema_context(school.schema_name):
                    index = m.NewsIndexPage.objects.get()
                    page = m.NewsPage(
                        title=f"Tin diễn tập số {number}",
                        summary="Tin đăng trong lúc diễn tập sự cố.",
                        body="<p>Nhà trường thông báo lịch sinh hoạt tuần tới.</p>",
                        live=False,
                    )
                    index.add_child(instance=page)
                    page.save_revision().publish()
                self.committed.append((school.schema_name, page.pk, time.time()))
            except Exception as exc:  # noqa: BLE001 — counted: a publish refused while PG is down
                self.failed += 1
                print(f"  editor: publish {number} refused ({type(exc).__name__})", flush=True)
                connection.close()


def _verify(editor: Editor, settle: float) -> dict:
    """Every committed publication live with its log entry; evaluations caught up."""
    from django.db import connection
    from django_tenants.utils import schema_context
    from wagtail.models import PageLogEntry

    from compliance.models import SchoolEvaluation
    from compliance.services.evidence_chain import evidence_chain_verify
    from sitepages import models as m

    connection.close()
    found = chained = 0
    last_by_school: dict[str, float] = {}
    for schema_name, page_id, at in editor.committed:
        last_by_school[schema_name] = max(at, last_by_school.get(schema_name, 0))
        with schema_context(schema_name):
            live = m.NewsPage.objects.filter(pk=page_id, live=True).exists()
            logged = PageLogEntry.objects.filter(page_id=page_id, action="wagtail.publish").exists()
            chained += m.EvidenceEntry.objects.filter(
                page_id=page_id, action="wagtail.publish"
            ).exists()
        found += live and logged
    chains_ok = 0
    for schema_name in last_by_school:
        with schema_context(schema_name):
            chains_ok += evidence_chain_verify().ok
    deadline = time.monotonic() + settle
    while True:
        evaluated = {
            e.school.schema_name: e.evaluated_at.timestamp()
            for e in SchoolEvaluation.objects.select_related("school").filter(
                school__schema_name__in=list(last_by_school)
            )
        }
        caught_up = sum(evaluated.get(s, 0) >= at for s, at in last_by_school.items())
        if caught_up == len(last_by_school) or time.monotonic() > deadline:
            break
        time.sleep(1)
    return {
        "publications_committed": len(editor.committed),
        "publications_refused": editor.failed,
        "publications_live_with_log": found,
        "publications_in_evidence_chain": chained,
        "schools_evidence_chain_ok": chains_ok,
        "schools_published": len(last_by_school),
        "schools_evaluated_after_last_publish": caught_up,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schools", type=int, default=20)
    parser.add_argument("--parents", type=int, default=200)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--publish-every", type=float, default=2.0)
    parser.add_argument("--settle", type=float, default=120.0, help="wait for evaluations (s)")
    args = parser.parse_args()
    FOLDER.mkdir(parents=True, exist_ok=True)
    pg = PrivatePostgres(FOLDER)
    pg.start()
    redis_port = free_port()
    redis = subprocess.Popen(
        ["redis-server", "--bind", "127.0.0.1", "--port", str(redis_port), "--save", "",
         "--appendonly", "no", "--dir", str(FOLDER)],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    port_wait(redis_port)
    purge_port, app_port = free_port(), free_port()
    processes: list[subprocess.Popen] = []
    nginx = None
    try:
        # Started first, so that the purges of the set-up's publications reach it.
        nginx = BenchNginx(
            FOLDER / "nginx", app_port, purge_port=purge_port, workers="1",
            media_root=FOLDER / "media",
        ).start()  # fmt: skip
        env = _setup_django(pg, redis_port, purge_port)
        print(f"== drill: {args.schools} schools, {args.parents} parents, {args.seconds} s")
        schools = _schools(args.schools)
        hosts = _hosts(schools)
        from django.db import connections

        connections.close_all()
        gunicorn = _gunicorn(app_port, env)
        worker = _worker(env)
        processes += [gunicorn, worker]
        script = _wrk_script(hosts)
        faults: dict[str, float] = {"pages_cached_before": _warm(nginx.cache_url, hosts)}
        load_before = os.getloadavg()
        editor = Editor(schools, args.publish_every)
        load: dict = {}
        loader = threading.Thread(
            target=lambda: load.update(
                _wrk(nginx.cache_url, script, connections=args.parents, seconds=args.seconds)
            )
        )
        loader.start()
        editor.start()
        time.sleep(args.seconds * 0.25)
        worker.send_signal(signal.SIGKILL)
        worker.wait()
        killed_at = time.monotonic()
        print("  worker killed (SIGKILL)", flush=True)
        time.sleep(args.seconds * 0.1)
        worker = _worker(env)
        processes.append(worker)
        faults["worker_down_s"] = round(time.monotonic() - killed_at, 1)
        print("  worker restarted", flush=True)
        time.sleep(args.seconds * 0.25)
        faults["postgres_restart_s"] = round(pg.restart(), 2)
        print(f"  PostgreSQL restarted in {faults['postgres_restart_s']} s", flush=True)
        loader.join()
        load_after = os.getloadavg()
        editor.stopping.set()
        editor.join()
        checks = _verify(editor, args.settle)
    finally:
        if nginx:
            nginx.stop()
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        redis.kill()
        pg.stop()
    raw = load.pop("raw", "")
    # Django's own count of the answers it could not give (the database down): nginx serves its
    # stored copy in their place (proxy_cache_use_stale http_500), so parents see no error.
    log = (FOLDER / "gunicorn.log").read_text(errors="replace")
    faults["django_500s"] = log.count("Internal Server Error:")
    results = {
        "drill_date_utc": time.strftime("%Y-%m-%d %H:%M", time.gmtime()),
        "drill_cpus": os.cpu_count(),
        "drill_load_before": [round(x, 2) for x in load_before],
        "drill_load_after": [round(x, 2) for x in load_after],
        "drill_schools": args.schools,
        "drill_parents": args.parents,
        "drill_seconds": args.seconds,
        **{f"drill_{k}": v for k, v in load.items()},
        **{f"drill_{k}": v for k, v in faults.items()},
        **{f"drill_{k}": v for k, v in checks.items()},
    }
    print(raw)
    for key, value in results.items():
        print(f"  {key:45} {value}")
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "drill.json").write_text(json.dumps(results, indent=2, sort_keys=True))
    errors = load.get("errors_http", 0) + load.get("errors_socket", 0)
    lost = checks["publications_committed"] - checks["publications_live_with_log"]
    sys.exit(1 if errors or lost else 0)


if __name__ == "__main__":
    main()
