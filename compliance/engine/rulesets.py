"""Rule sets as data: TOML files read with tomllib, validated into `RuleSet`s.

A file has top-level `id` (= the file name without `.toml`), `title_vi`, `title_en`, `source`
and `[[rules]]`; each rule has `id`, `title_vi`, `title_en`, `citation` (one line), `levels`,
`page_types`, `kind`, `params` (checked against the kind's schema), and optionally `weight`
(emulation score, default 1), `filter` (attribute values an evidence page must carry),
`level_conditions` (level -> school attribute that must be true) and `note`.

Validation never stops at the first problem: every `Problem` names the file, the rule and what
is wrong, with a stable code the Django system check turns into `compliance.E0xx`.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

from .evidence import LEVELS, SCHOOL_ATTRIBUTES
from .kinds import KINDS
from .substance import Substance, parse_substance

BUNDLED_RULESET_DIR = Path(__file__).resolve().parent.parent / "rulesets"

# Page types are named by their class; which classes exist and what each is evidence for is
# declared on the page models and checked by the Django system check (compliance.E012/E013).
PAGE_TYPE_NAME = re.compile(r"^[A-Z][A-Za-z0-9]*Page$")

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
RULESET_REQUIRED = ("id", "title_vi", "title_en", "source", "rules")
RULESET_OPTIONAL = ("note",)
RULE_REQUIRED = ("id", "title_vi", "title_en", "citation", "levels", "page_types", "kind")
RULE_OPTIONAL = ("params", "weight", "filter", "level_conditions", "note", "substance")

# Problem codes; the system check reports them as compliance.<code>.
E_UNREADABLE = "E001"  # cannot read the file or bad TOML
E_RULESET_FIELD = "E002"  # rule-set header field missing or bad
E_RULE_FIELD = "E003"  # rule field missing or bad (title, citation, weight, unknown field…)
E_DUPLICATE_RULE = "E004"
E_UNKNOWN_LEVEL = "E005"
E_UNKNOWN_PAGE_TYPE = "E006"
E_UNKNOWN_KIND = "E007"
E_BAD_PARAMETER = "E008"
E_BAD_FILTER = "E009"  # filter or level condition
E_DUPLICATE_RULESET = "E010"
E_BAD_SUBSTANCE = "E011"  # substance table malformed (unknown measure, bad minimum, no words)


@dataclass(frozen=True)
class Problem:
    code: str
    file: str
    rule: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}, rule {self.rule!r}" if self.rule else self.file
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Rule:
    id: str
    title_vi: str
    title_en: str
    citation: str
    levels: frozenset[str]
    page_types: frozenset[str]
    kind: str
    params: Mapping[str, Any] = field(default_factory=dict)
    weight: float = 1.0
    filter: Mapping[str, Any] = field(default_factory=dict)
    level_conditions: Mapping[str, str] = field(default_factory=dict)
    note: str = ""
    substance: Substance | None = None


@dataclass(frozen=True)
class RuleSet:
    id: str
    title_vi: str
    title_en: str
    source: str
    rules: tuple[Rule, ...]
    path: str = ""

    def rule(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(f"rule set {self.id!r} has no rule {rule_id!r}")


class RuleSetInForce(NamedTuple):
    """A rule set an authority applies from `effective_from` (inclusive) until `effective_to`
    (exclusive; None = open-ended). A plain 3-tuple works the same."""

    ruleset: RuleSet
    effective_from: date
    effective_to: date | None = None


class RuleSetError(ValueError):
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


def parse_ruleset(*, data: Mapping[str, Any], file: str) -> tuple[RuleSet | None, list[Problem]]:
    """Validate parsed TOML; the rule set is None when any problem was found."""
    problems: list[Problem] = []

    def report(code: str, rule: str | None, message: str) -> None:
        problems.append(Problem(code, file, rule, message))

    for name in RULESET_REQUIRED[:-1]:
        if not _text(data.get(name)):
            report(E_RULESET_FIELD, None, f"missing or empty rule-set field {name!r}")
    for name in sorted(set(data) - set(RULESET_REQUIRED) - set(RULESET_OPTIONAL)):
        report(E_RULESET_FIELD, None, f"unknown rule-set field {name!r}")
    stem = Path(file).stem
    if _text(data.get("id")) and data["id"] != stem:
        report(
            E_RULESET_FIELD, None, f"rule-set id {data['id']!r} does not match file name {stem!r}"
        )
    raw_rules = data.get("rules")
    if not isinstance(raw_rules, list) or not raw_rules:
        report(E_RULESET_FIELD, None, "missing [[rules]]: a rule set needs at least one rule")
        raw_rules = []
    rules: list[Rule] = []
    seen: set[str] = set()
    for index, raw in enumerate(raw_rules):
        if not isinstance(raw, Mapping):
            report(E_RULE_FIELD, f"#{index + 1}", "a rule must be a table")
            continue
        rule_id = raw.get("id") if isinstance(raw.get("id"), str) else None
        label = rule_id or f"#{index + 1}"
        if rule_id in seen:
            report(E_DUPLICATE_RULE, rule_id, f"duplicate rule id {rule_id!r}")
        if rule_id:
            seen.add(rule_id)
        rule, found = _parse_rule(raw)
        for code, message in found:
            report(code, label, message)
        if rule is not None:
            rules.append(rule)
    if problems:
        return None, problems
    return (
        RuleSet(
            id=data["id"],
            title_vi=data["title_vi"],
            title_en=data["title_en"],
            source=data["source"],
            rules=tuple(rules),
            path=file,
        ),
        [],
    )


def _parse_rule(raw: Mapping[str, Any]) -> tuple[Rule | None, list[tuple[str, str]]]:
    """One rule, or the (code, message) pairs of everything wrong with it."""
    found: list[tuple[str, str]] = []

    def report(code: str, message: str) -> None:
        found.append((code, message))

    rule_id = raw.get("id")
    if not isinstance(rule_id, str) or not SLUG.match(rule_id):
        report(E_RULE_FIELD, f"rule id must be lowercase letters, digits and '-', got {rule_id!r}")
    for name in ("title_vi", "title_en", "citation"):
        if not _text(raw.get(name)):
            report(E_RULE_FIELD, f"missing or empty {name!r}")
    if isinstance(raw.get("citation"), str) and "\n" in raw["citation"].strip():
        report(E_RULE_FIELD, "citation must be one line")
    for name in sorted(set(raw) - set(RULE_REQUIRED) - set(RULE_OPTIONAL)):
        report(E_RULE_FIELD, f"unknown rule field {name!r}")

    levels = raw.get("levels")
    if not _str_list(levels):
        report(E_RULE_FIELD, f"levels must be a non-empty list of strings, got {levels!r}")
        levels = []
    for level in levels:
        if level not in LEVELS:
            report(E_UNKNOWN_LEVEL, f"unknown level {level!r} (known: {sorted(LEVELS)})")
    page_types = raw.get("page_types")
    if not _str_list(page_types):
        report(E_RULE_FIELD, f"page_types must be a non-empty list of strings, got {page_types!r}")
        page_types = []
    for page_type in page_types:
        if not PAGE_TYPE_NAME.match(page_type):
            report(E_UNKNOWN_PAGE_TYPE, f"not a page class name: {page_type!r}")

    weight = raw.get("weight", 1.0)
    if isinstance(weight, bool) or not isinstance(weight, int | float) or weight < 0:
        report(E_RULE_FIELD, f"weight must be a number >= 0, got {weight!r}")

    filter_ = raw.get("filter", {})
    if not isinstance(filter_, Mapping) or not all(
        _scalar(v) or (isinstance(v, list) and all(map(_scalar, v))) for v in filter_.values()
    ):
        report(E_BAD_FILTER, f"filter must map attribute names to values or lists, got {filter_!r}")
        filter_ = {}
    conditions = raw.get("level_conditions", {})
    if not isinstance(conditions, Mapping):
        report(E_BAD_FILTER, f"level_conditions must be a table, got {conditions!r}")
        conditions = {}
    for level, attribute in conditions.items():
        if level not in levels:
            report(E_BAD_FILTER, f"level_conditions names {level!r}, which is not in levels")
        if attribute not in SCHOOL_ATTRIBUTES:
            report(
                E_BAD_FILTER,
                f"unknown school attribute {attribute!r} in level_conditions "
                f"(known: {sorted(SCHOOL_ATTRIBUTES)})",
            )

    substance = None
    if "substance" in raw:
        substance, messages = parse_substance(raw["substance"])
        for message in messages:
            report(E_BAD_SUBSTANCE, message)

    kind_name = raw.get("kind")
    params = raw.get("params", {})
    if not isinstance(params, Mapping):
        report(E_BAD_PARAMETER, f"params must be a table, got {params!r}")
        params = {}
    if kind_name not in KINDS:
        report(E_UNKNOWN_KIND, f"unknown kind {kind_name!r} (known: {sorted(KINDS)})")
    else:
        for message in KINDS[kind_name].problems(params):
            report(E_BAD_PARAMETER, message)

    if found:
        return None, found
    rule = Rule(
        id=rule_id,
        title_vi=raw["title_vi"],
        title_en=raw["title_en"],
        citation=raw["citation"].strip(),
        levels=frozenset(levels),
        page_types=frozenset(page_types),
        kind=kind_name,
        params=MappingProxyType(dict(params)),
        weight=float(weight),
        filter=MappingProxyType(dict(filter_)),
        level_conditions=MappingProxyType(dict(conditions)),
        note=raw.get("note", ""),
        substance=substance,
    )
    return rule, []


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _scalar(value: Any) -> bool:
    return isinstance(value, str | int | float | bool)


def _str_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, str) for v in value)


def _read_toml(path: Path) -> tuple[dict[str, Any] | None, list[Problem]]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle), []
    except (OSError, tomllib.TOMLDecodeError) as error:
        return None, [Problem(E_UNREADABLE, path.name, None, f"cannot read rule set: {error}")]


def read_ruleset_file(*, path: Path) -> tuple[RuleSet | None, list[Problem]]:
    """Read and validate one file; problems instead of exceptions."""
    data, problems = _read_toml(path)
    if data is None:
        return None, problems
    return parse_ruleset(data=data, file=path.name)


def validate_ruleset_files(*, directory: Path) -> list[Problem]:
    """Every problem in every `*.toml` of a directory, including rule-set ids used twice."""
    problems: list[Problem] = []
    owners: dict[str, str] = {}
    for path in sorted(Path(directory).glob("*.toml")):
        data, found = _read_toml(path)
        if data is not None:
            found = parse_ruleset(data=data, file=path.name)[1]
            ruleset_id = data.get("id")
            if isinstance(ruleset_id, str) and ruleset_id in owners:
                found.append(
                    Problem(
                        E_DUPLICATE_RULESET,
                        path.name,
                        None,
                        f"rule-set id {ruleset_id!r} is also used by {owners[ruleset_id]}",
                    )
                )
            elif isinstance(ruleset_id, str):
                owners[ruleset_id] = path.name
        problems.extend(found)
    return problems


def load_ruleset_file(*, path: Path) -> RuleSet:
    ruleset, problems = read_ruleset_file(path=Path(path))
    if ruleset is None:
        raise RuleSetError(problems)
    return ruleset


def load_rulesets(*, directory: Path = BUNDLED_RULESET_DIR) -> dict[str, RuleSet]:
    """All rule sets of a directory by id; raises RuleSetError listing every problem."""
    problems = validate_ruleset_files(directory=directory)
    if problems:
        raise RuleSetError(problems)
    loaded = (load_ruleset_file(path=p) for p in sorted(Path(directory).glob("*.toml")))
    return {ruleset.id: ruleset for ruleset in loaded}
