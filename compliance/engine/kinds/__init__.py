"""The registry of rule kinds: each is one small evaluator with a parameter schema.

Importing this package registers the shipped kinds: always_present, periodic, frequency,
latency, retention.
"""

from . import always_present, frequency, latency, periodic, retention  # noqa: F401  (register)
from .base import KINDS, Kind, Param, RuleContext, get_kind, register

__all__ = ["KINDS", "Kind", "Param", "RuleContext", "get_kind", "register"]
