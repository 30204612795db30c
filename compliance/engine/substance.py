"""Substance: how much a page must carry to count as evidence for a rule.

Declared per rule in the rule set (`substance`), read against the measures the evidence reader
counted on each published revision (`EvidenceItem.measures`: words, files, rows, images; see
sitepages/evidence.py for how each is counted):

    substance = { any = { words = 40, files = 1 }, missing_vi = "nội dung hoặc tệp đính kèm" }
    substance = { all = { rows = 1 }, any = { words = 30 }, missing_vi = "…" }

A page counts only when it meets every minimum of `all` and at least one of `any` (when given).
`missing_vi` names what is missing, for the reason people read ("Trang “Thời khóa biểu học kỳ I”
chưa có nội dung hoặc tệp đính kèm"). A rule without `substance` takes any live page, as before.
Provisioned section pages carry nothing, so they are structure, never evidence by themselves.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

MEASURES = frozenset({"words", "files", "rows", "images"})
FIELDS = frozenset({"all", "any", "missing_vi"})


@dataclass(frozen=True)
class Substance:
    all: Mapping[str, int] = field(default_factory=dict)
    any: Mapping[str, int] = field(default_factory=dict)
    missing_vi: str = "nội dung"

    def met_by(self, measures: Mapping[str, int]) -> bool:
        if any(measures.get(name, 0) < least for name, least in self.all.items()):
            return False
        if self.any and not any(measures.get(n, 0) >= least for n, least in self.any.items()):
            return False
        return True

    def measures_needed(self) -> frozenset[str]:
        return frozenset(self.all) | frozenset(self.any)

    def reason(self, *titles: str) -> str:
        """`Trang “Kế hoạch tuần 12” chưa có nội dung hoặc tệp đính kèm`; several pages are
        named together (`Trang “A”, “B” chưa có …`), at most three and how many more."""
        named = ", ".join(f"“{title}”" for title in titles[:3])
        more = f" và {len(titles) - 3} trang khác" if len(titles) > 3 else ""
        return f"Trang {named}{more} chưa có {self.missing_vi}"


def parse_substance(raw: Any) -> tuple[Substance | None, list[str]]:
    """A rule's `substance` table, or the messages saying what is wrong with it."""
    if not isinstance(raw, Mapping):
        return None, [f"substance must be a table, got {raw!r}"]
    problems = [f"unknown substance field {name!r}" for name in sorted(set(raw) - FIELDS)]
    tables = {}
    for part in ("all", "any"):
        table = raw.get(part, {})
        if not isinstance(table, Mapping):
            problems.append(f"substance.{part} must be a table of minimums, got {table!r}")
            continue
        for name, least in table.items():
            if name not in MEASURES:
                problems.append(
                    f"unknown substance measure {name!r} in substance.{part} "
                    f"(known: {sorted(MEASURES)})"
                )
            if isinstance(least, bool) or not isinstance(least, int) or least < 1:
                problems.append(f"substance.{part}.{name} must be an integer >= 1, got {least!r}")
        tables[part] = MappingProxyType(dict(table))
    if not tables.get("all") and not tables.get("any"):
        problems.append("substance needs at least one minimum in 'all' or 'any'")
    missing = raw.get("missing_vi")
    if not isinstance(missing, str) or not missing.strip():
        problems.append("substance.missing_vi must name what is missing, in Vietnamese")
    if problems:
        return None, problems
    return Substance(all=tables["all"], any=tables["any"], missing_vi=missing.strip()), []
