"""Start a real Celery worker as a child process (tests and benchmarks talk to a real broker
and a real worker, never an eager in-process imitation)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def celery_worker_start(*, env: dict, queue: str | None = None, output=subprocess.DEVNULL):
    """A solo-pool worker of the schoolhost app, with `env` added to this process's environment."""
    command = [
        sys.executable, "-m", "celery", "-A", "schoolhost", "worker", "-P", "solo",
        "--without-gossip", "--without-mingle", "--without-heartbeat", "-l", "warning",
    ]  # fmt: skip
    if queue:
        command += ["-Q", queue]
    return subprocess.Popen(
        command,
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=output,
        stderr=subprocess.STDOUT if output is subprocess.PIPE else output,
    )


def celery_worker_stop(worker) -> None:
    worker.terminate()
    try:
        worker.wait(timeout=20)
    except subprocess.TimeoutExpired:
        worker.kill()
