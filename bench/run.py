"""schoolhost benchmarks, one command (`make bench`): figures and ratios from one run.

Runs against its own database (DATABASE_URL's server, database `schoolhost_bench`, or
SCHOOLHOST_DB_NAME when set), which it keeps between runs so the thousand school schemas are
cloned only once, and its own Celery broker namespace (`bench_environment`). Every suite can
run again on the kept database (bench/schools.py repairs what a stopped run leaves). Prints
each figure next to its baseline measured in the same run and writes them to
bench/results/latest.json (`--only scale`: bench/results/scale.json, bench/scale.py).
"""

import argparse
import json
import os
import sys
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _bench_database_url() -> str:
    url = urllib.parse.urlparse(
        os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/x")
    )
    name = os.environ.get("SCHOOLHOST_DB_NAME", "schoolhost_bench")
    return urllib.parse.urlunparse(url._replace(path=f"/{name}"))


def bench_environment() -> dict[str, str]:
    """The bench's database, cache prefix and Celery broker, for this process and the workers
    it starts. The broker is BENCH_CELERY_BROKER_URL, else REDIS_URL's, with every key under
    the bench database's name (`CELERY_BROKER_KEY_PREFIX`): a demo's or another checkout's
    worker on the same Redis database never sees the bench's tasks, nor the bench theirs."""
    name = os.environ.get("SCHOOLHOST_DB_NAME", "schoolhost_bench")
    broker = os.environ.get("BENCH_CELERY_BROKER_URL") or os.environ.get(
        "REDIS_URL", "redis://127.0.0.1:6379/0"
    )
    return {
        "DATABASE_URL": _bench_database_url(),
        "CACHE_KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "schoolhost") + f"-{name}",
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "CELERY_BROKER_URL": broker,
        "CELERY_BROKER_KEY_PREFIX": f"{name}:",
    }


def setup_django() -> None:
    os.environ.update(bench_environment())
    import subprocess

    subprocess.run([sys.executable, str(ROOT / "scripts" / "ensure_database.py")], check=True)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate_schemas", shared=True, interactive=False, verbosity=0)
    from bench.schools import schools_repair
    from tenants.services.template import school_template_ensure

    school_template_ensure()
    repaired = schools_repair()
    if any(repaired.values()):
        print(f"bench database repaired: {repaired}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--only", nargs="*", help="provisioning clone_scale migrations serving … (or: scale)"
    )
    parser.add_argument("--schools", type=int, default=1000, help="schemas for the migrate check")
    parser.add_argument("--provision", type=int, default=15, help="schools per provisioning path")
    parser.add_argument(
        "--standard", type=int, default=3, help="schools on the migrate-on-create path"
    )
    parser.add_argument("--real", type=int, default=60, help="full clones among --schools")
    parser.add_argument(
        "--stock-sample", type=int, default=40, help="schemas migrated by the stock executor"
    )
    parser.add_argument(
        "--eval-schools", type=int, default=10, help="schools with a year of history"
    )
    parser.add_argument("--serving-seconds", type=int, default=10, help="each wrk run")
    parser.add_argument(
        "--clone-at",
        type=int,
        nargs="+",
        default=[10, 200, 1000],
        help="schema counts at which clone_scale times both clone paths",
    )
    parser.add_argument("--clone-samples", type=int, default=5, help="clones per path and size")
    parser.add_argument(
        "--scale-workers", type=int, default=2, help="scale: processes building and migrating"
    )
    parser.add_argument(
        "--scale-import", type=int, default=40, help="scale: schools imported (× 1,200 / N)"
    )
    parser.add_argument(
        "--scale-donors",
        type=int,
        default=2,
        help="scale: schools given their history event by event; the rest copy one of them",
    )
    parser.add_argument(
        "--scale-clone-only",
        action="store_true",
        help="scale: build N schools, print the clone timings (the baseline at school 10)",
    )
    args = parser.parse_args()
    from bench.serving import reserve_purge_port

    if args.only != ["scale"]:  # the serving suite's purge listener; scale serves nothing
        reserve_purge_port()
    setup_django()
    from bench import clone_scale, dashboard, evaluation, migrations, provisioning, scale, serving

    if args.only == ["scale"]:  # its own results file (bench/results/scale.json)
        print("\n== scale", flush=True)
        scale.run(args)
        return
    suites = {
        "provisioning": provisioning.run,
        "clone_scale": clone_scale.run,
        "migrations": migrations.run,
        "evaluation": evaluation.run,
        "serving": serving.run,
        "dashboard": dashboard.run,
    }
    results: dict = {}
    for name, run in suites.items():
        if args.only and name not in args.only:
            continue
        print(f"\n== {name}", flush=True)
        results.update(run(args))
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    previous = {}
    if (out / "latest.json").exists():
        previous = json.loads((out / "latest.json").read_text())
    (out / "latest.json").write_text(json.dumps({**previous, **results}, indent=2, sort_keys=True))
    print(f"\nwrote {out / 'latest.json'}")


if __name__ == "__main__":
    main()
