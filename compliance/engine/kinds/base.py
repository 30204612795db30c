"""The shape every rule kind shares: a parameter schema and an obligations generator.

A kind is one small evaluator registered by name. Its parameter schema is data the rule-set
validator checks at start-up (names, types, required/default, allowed values, a per-value check)
and that authority overrides are checked against before use.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar

from tenants.schoolcalendar.calendar import SchoolCalendar

from ..evidence import EvidenceItem, EvidenceSnapshot, matches_filter
from ..obligations import Obligation

if TYPE_CHECKING:
    from ..rulesets import Rule

_TYPE_NAMES = {
    int: "an integer",
    float: "a number",
    str: "a string",
    bool: "true or false",
    dict: "a table",
    list: "a list",
}


@dataclass(frozen=True)
class Param:
    name: str
    type: type
    required: bool = False
    default: Any = None
    choices: tuple[Any, ...] | None = None
    check: Callable[[Any], str | None] | None = None
    doc: str = ""

    def problem(self, value: Any) -> str | None:
        if not _is_type(value, self.type):
            return f"parameter {self.name!r} must be {_TYPE_NAMES[self.type]}, got {value!r}"
        if self.choices is not None and value not in self.choices:
            return f"parameter {self.name!r} must be one of {list(self.choices)}, got {value!r}"
        if self.check is not None and (message := self.check(value)):
            return f"parameter {self.name!r}: {message}"
        return None


def _is_type(value: Any, expected: type) -> bool:
    if expected is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if expected is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if expected is dict:
        return isinstance(value, Mapping)
    return isinstance(value, expected)


class Kind:
    """Base class; subclasses set `name`, `params` and implement `obligations`."""

    name: ClassVar[str]
    params: ClassVar[tuple[Param, ...]] = ()
    # Which obligations due after as_of the default window shows: "next" = the next one per
    # series (the upcoming weekly plan), "all" = every one (per-page latency and retention).
    upcoming: ClassVar[str] = "next"

    def problems(self, params: Mapping[str, Any]) -> list[str]:
        """Everything wrong with a rule's params, in words that name the parameter."""
        known = {p.name: p for p in self.params}
        messages = [
            f"unknown parameter {name!r} for kind {self.name!r} (known: {sorted(known)})"
            for name in params
            if name not in known
        ]
        for param in self.params:
            if param.name not in params:
                if param.required:
                    messages.append(f"missing required parameter {param.name!r}")
            elif message := param.problem(params[param.name]):
                messages.append(message)
        if not messages:
            messages.extend(self.check(self.resolved(params)))
        return messages

    def resolved(self, params: Mapping[str, Any]) -> dict[str, Any]:
        """Params with defaults filled in (assumes they are valid)."""
        full = {p.name: p.default for p in self.params if not p.required}
        full.update(params)
        return full

    def check(self, params: Mapping[str, Any]) -> list[str]:
        """Checks across parameters; the schema has already passed."""
        return []

    def obligations(self, ctx: RuleContext) -> Iterable[Obligation]:
        raise NotImplementedError


@dataclass(frozen=True)
class RuleContext:
    """Everything one rule's evaluation may read — and nothing that reads a clock.

    Obligations due in [span_start, span_end] are wanted; the evaluator does the final cut.
    """

    ruleset_id: str
    rule: Rule
    params: Mapping[str, Any]
    calendar: SchoolCalendar
    snapshot: EvidenceSnapshot
    as_of: datetime
    span_start: datetime
    span_end: datetime

    @cached_property
    def _candidates(self) -> tuple[EvidenceItem, ...]:
        return tuple(
            item
            for item in self.snapshot.items
            if item.page_type in self.rule.page_types and matches_filter(item, self.rule.filter)
        )

    @cached_property
    def items(self) -> tuple[EvidenceItem, ...]:
        """The snapshot's items this rule reads: its page types, through its filter, with the
        substance the rule needs (an item without it is no evidence)."""
        substance = self.rule.substance
        if substance is None:
            return self._candidates
        return tuple(item for item in self._candidates if substance.met_by(item.measures))

    @cached_property
    def hollow_items(self) -> tuple[EvidenceItem, ...]:
        """Items of the rule's page types that lack its substance (empty section pages…)."""
        substance = self.rule.substance
        if substance is None:
            return ()
        return tuple(item for item in self._candidates if not substance.met_by(item.measures))

    def hollow_reason(self, items: Iterable[EvidenceItem]) -> str | None:
        """The Vietnamese reason naming the pages of `items` that were live without substance
        (each page once, in order), or None."""
        if self.rule.substance is None:
            return None
        titles: dict[int, str] = {}
        for item in items:
            if item.page_id not in titles and item.live_until(self.as_of):
                titles[item.page_id] = item.title or f"#{item.page_id}"
        return self.rule.substance.reason(*titles.values()) if titles else None

    def obligation(self, **fields: Any) -> Obligation:
        return Obligation(
            ruleset=self.ruleset_id,
            rule=self.rule.id,
            kind=self.rule.kind,
            weight=self.rule.weight,
            **fields,
        )


KINDS: dict[str, Kind] = {}


def register(cls: type[Kind]) -> type[Kind]:
    """Class decorator: make a kind available to rule sets under its `name`."""
    if cls.name in KINDS:
        raise ValueError(f"rule kind {cls.name!r} registered twice")
    KINDS[cls.name] = cls()
    return cls


def get_kind(name: str) -> Kind:
    try:
        return KINDS[name]
    except KeyError:
        raise KeyError(f"unknown rule kind {name!r} (known: {sorted(KINDS)})") from None
