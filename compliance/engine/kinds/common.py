"""Parameters several kinds share, with their checks."""

from __future__ import annotations

from typing import Any

from ..deadlines import DeadlineSpec
from ..obligations import Boundary
from .base import Param


def deadline_problem(value: Any) -> str | None:
    try:
        DeadlineSpec.parse(value)
    except ValueError as error:
        return str(error)
    return None


def non_negative(value: Any) -> str | None:
    return None if value >= 0 else f"must be >= 0, got {value}"


def positive(value: Any) -> str | None:
    return None if value >= 1 else f"must be >= 1, got {value}"


BOUNDARY = Param(
    "boundary",
    str,
    default=str(Boundary.BEFORE),
    choices=tuple(str(b) for b in Boundary),
    doc='"before": due_at is the first late instant; "by": due_at is the last on-time one',
)
GRACE = Param("grace_minutes", int, default=0, check=non_negative, doc="added to every due_at")
