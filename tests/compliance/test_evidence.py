"""Evidence items and the engine's independence from Django."""

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from compliance.engine import EvidenceItem
from compliance.engine.evidence import merge_intervals
from tests.compliance.builders import at

REPO = Path(__file__).resolve().parents[2]


def test_live_intervals_are_utc_sorted_and_checked():
    page = EvidenceItem(
        page_id=1,
        page_type="NewsPage",
        live=((at(2026, 11, 20), None), (at(2026, 11, 1), at(2026, 11, 2))),
    )
    assert page.live[0][0] == at(2026, 11, 1)
    assert page.live[0][0].tzinfo == UTC
    with pytest.raises(ValueError, match="naive"):
        EvidenceItem(page_id=1, page_type="NewsPage", live=((datetime(2026, 11, 1), None),))
    with pytest.raises(ValueError, match="ends before"):
        EvidenceItem(page_id=1, page_type="NewsPage", live=((at(2026, 11, 2), at(2026, 11, 1)),))


def test_live_until_reads_the_history_as_known_then():
    page = EvidenceItem(
        page_id=1,
        page_type="NewsPage",
        live=((at(2026, 11, 1), at(2026, 11, 10)), (at(2026, 11, 20), None)),
    )
    assert page.live_until(at(2026, 11, 5)) == ((at(2026, 11, 1), None),)
    assert page.first_live(at(2026, 10, 31)) is None
    assert len(page.live_until(at(2026, 11, 25))) == 2


def test_merge_joins_overlapping_and_touching_intervals():
    merged = merge_intervals(
        [
            (at(2026, 11, 1), at(2026, 11, 5)),
            (at(2026, 11, 5), at(2026, 11, 6)),
            (at(2026, 11, 3), at(2026, 11, 4)),
            (at(2026, 11, 10), None),
            (at(2026, 11, 12), at(2026, 11, 13)),
        ]
    )
    assert merged == [(at(2026, 11, 1), at(2026, 11, 6)), (at(2026, 11, 10), None)]


def test_the_engine_imports_without_django():
    code = (
        "import sys, compliance.engine\n"
        "loaded = [m for m in sys.modules if m == 'django' or m.startswith('django.')]\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=REPO, check=True)
