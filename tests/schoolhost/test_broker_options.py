"""The broker's key prefix (environments sharing a Redis database keep apart) survives the
other transport options set after it (the visibility timeout once replaced it)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _options(env: dict) -> str:
    code = "from schoolhost.settings import base; print(base.CELERY_BROKER_TRANSPORT_OPTIONS)"
    clean = {k: v for k, v in os.environ.items() if k != "CELERY_BROKER_KEY_PREFIX"}
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env={**clean, **env},
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip


def test_the_key_prefix_and_the_visibility_timeout_both_apply():
    assert _options({"CELERY_BROKER_KEY_PREFIX": "bench:"}) == (
        "{'global_keyprefix': 'bench:', 'visibility_timeout': 900}"
    )
    assert _options({}) == "{'visibility_timeout': 900}"
