"""Portal reads from a real PostgreSQL streaming replica (tenants/replica.py).

A private primary and its standby run on loopback under var/replica-test (initdb once; the
standby is made fresh each run by `pg_basebackup -R`, a real streaming replica), each on a
port of its own. A process configured with DATABASE_URL (the primary) and
DATABASE_REPLICA_URL (the standby) serves the authority dashboard: the stored results are read
on the standby, a publish's new result is written on the primary, and the dashboard shows it
once the standby has replayed it (tests/tenants/replica_probe.py)."""

import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BASE = ROOT / "var" / "replica-test"
DATABASE = "schoolhost_replica_probe"


def _bindir() -> Path:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))
    assert found, "PostgreSQL server binaries not found under /usr/lib/postgresql"
    return found[-1]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _as_postgres(*command) -> list[str]:
    # initdb and postgres refuse to run as root: run them as the postgres user when we are.
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else list(command)


def _run(*command) -> None:
    subprocess.run(_as_postgres(*map(str, command)), check=True, capture_output=True)


def _start(bindir: Path, data: Path, port: int) -> None:
    options = f"-p {port} -c listen_addresses=127.0.0.1 -k /tmp -c fsync=off -c max_wal_senders=4"
    _run(bindir / "pg_ctl", "-D", data, "-l", data / "server.log", "-w", "-o", options, "start")


def _stop(bindir: Path, data: Path) -> None:
    if (data / "postmaster.pid").exists():
        subprocess.run(
            _as_postgres(str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"),
            capture_output=True,
        )


@pytest.fixture(scope="module")
def streaming_replica():
    bindir = _bindir()
    primary, standby = BASE / "primary", BASE / "standby"
    BASE.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        shutil.chown(BASE, "postgres", "postgres")
    if not (primary / "PG_VERSION").exists():
        _run(bindir / "initdb", "-D", primary, "-U", "postgres", "--auth=trust", "-E", "UTF8")
    _stop(bindir, standby)
    _stop(bindir, primary)
    primary_port, standby_port = _free_port(), _free_port()
    _start(bindir, primary, primary_port)
    try:
        exists = subprocess.run(
            ["psql", "-h", "127.0.0.1", "-p", str(primary_port), "-U", "postgres", "-Atc",
             f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE}'"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()  # fmt: skip
        if exists != "1":
            _run(
                bindir / "createdb",
                "-h",
                "127.0.0.1",
                "-p",
                primary_port,
                "-U",
                "postgres",
                DATABASE,
            )
        shutil.rmtree(standby, ignore_errors=True)
        _run(
            bindir / "pg_basebackup", "-h", "127.0.0.1", "-p", primary_port, "-U", "postgres",
            "-D", standby, "-R", "-X", "stream", "-c", "fast",
        )  # fmt: skip
        _start(bindir, standby, standby_port)
        try:
            yield primary_port, standby_port
        finally:
            _stop(bindir, standby)
            shutil.rmtree(standby, ignore_errors=True)
    finally:
        _stop(bindir, primary)


def test_dashboard_reads_are_served_by_the_replica_while_writes_go_to_the_primary(
    streaming_replica,
):
    primary_port, standby_port = streaming_replica
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "schoolhost.settings.test",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{primary_port}/{DATABASE}",
        "DATABASE_REPLICA_URL": f"postgres://postgres@127.0.0.1:{standby_port}/{DATABASE}",
    }
    done = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "tenants" / "replica_probe.py")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["standby"] is True
    assert "read-only transaction" in seen["write_refused_on_replica"]
    assert seen["status"] == [200, 200]
    assert seen["names_before"] == [True, True]
    assert seen["results_read_on_replica"] >= 2
    assert seen["results_read_on_primary"] == 0, seen["primary_reads"]
    # The publish's result, written on the primary, is served by the standby.
    assert seen["published_on_replica"] == 1
    assert seen["did_not_update_after"] == seen["did_not_update_before"] - 1  # on the dashboard
