"""What a page type is evidence for, and how much substance one of its revisions carries.

Each page type that can prove an obligation says so on its model (`compliance_evidence =
EvidenceSpec(...)`): the rule ids it is evidence for, the fields that say which period it covers,
the attributes the rules read, and which fields feed each substance measure. The compliance app
reads these declarations (never a list of class names of its own) and checks them against the
rule sets' `page_types` at start-up (compliance.E012/E013), so renaming or retyping a page class
fails the checks and their test instead of silently dropping evidence.

Measures, counted from a revision's content (the JSON Wagtail stores, so any past publish can be
measured again): `words` (words of text in rich-text and plain-text fields, tags stripped),
`files` (documents attached: attachment blocks and document fields), `rows` (structured rows:
leaders, contact rows, schedule entries, menu days, form fields, procedure steps), `images`.
The rule set says how much of which measure a rule needs (`substance` in compliance/rulesets).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

MEASURES = ("words", "files", "rows", "images")
_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class EvidenceSpec:
    """A page type's declaration as compliance evidence.

    `rules`: rule ids (of any rule set) this page type is evidence for; `period`: the fields
    naming the period it covers; `attrs`: other fields rules read (anchors, filters);
    `measures`: measure name → the fields counted for it.
    """

    rules: tuple[str, ...]
    period: tuple[str, ...] = ()
    attrs: tuple[str, ...] = ()
    measures: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        unknown = set(self.measures) - set(MEASURES)
        if unknown:
            raise ValueError(f"unknown substance measure(s): {sorted(unknown)}")

    def measure(self, content: Mapping[str, Any] | None) -> dict[str, int]:
        """The measures of one revision's content: `{"words": 212, "files": 1, …}`."""
        content = content or {}
        return {
            name: sum(_COUNTERS[name](content.get(source)) for source in sources)
            for name, sources in sorted(self.measures.items())
        }


def _stream(value: Any) -> list:
    """A StreamField or child-relation value from revision content, as a list of dicts."""
    if isinstance(value, str):
        try:
            value = json.loads(value) if value.strip().startswith("[") else []
        except ValueError:
            return []
    return value if isinstance(value, list) else []


def _text_of(value: Any) -> str:
    if isinstance(value, str):
        return html.unescape(_TAG.sub(" ", value))
    if isinstance(value, dict):
        return " ".join(_text_of(v) for v in value.values())
    if isinstance(value, list):
        return " ".join(_text_of(v) for v in value)
    return ""


def count_words(value: Any) -> int:
    """Words in a text, rich-text (HTML) or stream value; tags and block ids are not words.

    A table (Wagtail's TableBlock value, `{"data": [[cell, …], …]}`) counts the words of its
    body cells only: a grid of day and period headings with nothing filled in is an empty
    timetable, not a published one (issue 9: empty pages never count)."""
    if isinstance(value, str) and value.strip().startswith("["):
        blocks = _stream(value)
        return sum(count_words(block.get("value")) for block in blocks if isinstance(block, dict))
    if isinstance(value, list):
        return sum(
            count_words(block.get("value") if "value" in block else block)
            for block in value
            if isinstance(block, dict)
        )
    if isinstance(value, dict) and _is_table(value):
        return sum(count_words(cell) for row in value["data"][1:] for cell in row[1:])
    if isinstance(value, dict):
        return sum(count_words(v) for k, v in value.items() if k not in ("id", "type"))
    return len(_WORD.findall(_text_of(value))) if isinstance(value, str) else 0


def _is_table(value: dict) -> bool:
    data = value.get("data")
    return isinstance(data, list) and all(isinstance(row, list) for row in data)


def count_files(value: Any) -> int:
    """Documents: a document id (a document field) or attachment blocks that name one."""
    if isinstance(value, int) and not isinstance(value, bool):
        return 1
    return sum(
        1
        for block in _stream(value)
        if isinstance(block, dict)
        and isinstance(block.get("value"), dict)
        and block["value"].get("document")
    )


def count_rows(value: Any) -> int:
    """Rows of a child relation or stream: each with at least one non-empty value."""
    rows = 0
    for row in _stream(value):
        if not isinstance(row, dict):
            continue
        data = row.get("value", row) if "type" in row else row
        if isinstance(data, dict):
            filled = [
                v
                for k, v in data.items()
                if k not in ("id", "pk", "page", "sort_order") and v not in (None, "", [], {})
            ]
            rows += bool(filled)
        elif data not in (None, ""):
            rows += 1
    return rows


def count_images(value: Any) -> int:
    return 1 if isinstance(value, int) and not isinstance(value, bool) else 0


_COUNTERS = {"words": count_words, "files": count_files, "rows": count_rows, "images": count_images}
