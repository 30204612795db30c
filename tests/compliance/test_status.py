"""One status vocabulary: the engine's values, one TextChoices, no string literals elsewhere."""

import re
from pathlib import Path

from compliance.engine.obligations import Status
from compliance.models import ObligationResult, ObligationStatus

ROOT = Path(__file__).resolve().parents[2]
APPS = ("compliance", "reports", "portal", "reminders", "opendata", "demo", "sitepages")
# `status="late"`, `status__in=("late", …)`, `== "missing"`, SQL `status = 'on_time'` …
LITERAL = re.compile(
    r"""(status\w*\s*(==|!=|=|IN|<>)\s*\(?\s*["'](on_time|late|missing|pending|not_applicable)["'])"""
    r"""|(\[["']status["']\]\s*(==|!=)\s*["'](on_time|late|missing|pending|not_applicable)["'])""",
    re.IGNORECASE,
)


def test_the_textchoices_has_exactly_the_engines_statuses():
    assert {s.value for s in ObligationStatus} == {s.value for s in Status}
    assert ObligationResult._meta.get_field("status").choices == ObligationStatus.choices
    assert ObligationStatus("missing").label == "thiếu"


def test_no_status_string_literals_outside_the_textchoices():
    offenders = []
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            for number, line in enumerate(path.read_text().splitlines(), start=1):
                if LITERAL.search(line):
                    offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert offenders == []
