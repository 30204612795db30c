"""How a report names what a school missed or published late, in Vietnamese, dates dd/mm/yyyy."""

from __future__ import annotations

import datetime as dt

from compliance.engine.periods import (
    DayKey,
    MonthKey,
    PageKey,
    SchoolYearItemKey,
    SchoolYearKey,
    SemesterKey,
    WeekKey,
    parse_period_key,
)
from compliance.presentation import duration_text, local_text
from compliance.selectors import bundled_rulesets


def item_title(ruleset: str, rule: str, item: str) -> str:
    """A disclosure item's title from the rule set (its code when the rule set has none)."""
    if not item:
        return ""
    try:
        items = bundled_rulesets()[ruleset].rule(rule).params.get("items") or ()
    except KeyError:
        return item
    for entry in items:
        if isinstance(entry, dict) and entry.get("code") == item:
            return entry.get("title_vi") or item
    return item


def period_text(period_key: str) -> str:
    try:
        key = parse_period_key(period_key)
    except ValueError:
        return period_key
    if isinstance(key, WeekKey):
        return f"tuần từ {key.monday:%d/%m/%Y}"
    if isinstance(key, MonthKey):
        return f"tháng {key.month:02d}/{key.year}"
    if isinstance(key, SemesterKey):
        roman = "I" if key.semester == 1 else "II"
        return f"học kỳ {roman} năm học {key.school_year_start}–{key.school_year_start + 1}"
    if isinstance(key, SchoolYearKey | SchoolYearItemKey):
        start = key.start if isinstance(key, SchoolYearKey) else key.school_year_start
        return f"năm học {start}–{start + 1}"
    if isinstance(key, DayKey):
        return f"ngày {key.day:%d/%m/%Y}"
    if isinstance(key, PageKey):
        return f"bài số {key.page_id}"
    return period_key


def item_text(item: dict) -> str:
    """One missing or late item of a report entry as one line."""
    name = item["title"] + (f" ({item['item_title']})" if item.get("item_title") else "")
    text = f"{name} — {period_text(item['period_key'])}"
    due = _parse(item.get("due_at"))
    if item.get("late_by_seconds") is not None:
        published = _parse(item.get("satisfied_at"))
        late = duration_text(dt.timedelta(seconds=item["late_by_seconds"]))
        return f"{text}: đăng {local_text(published)}, trễ {late}"
    if item.get("kind") == "frequency":
        return f"{text}: chưa đủ số tin yêu cầu"
    return f"{text}: chưa đăng (hạn {local_text(due)})" if due else f"{text}: chưa đăng"


def _parse(value) -> dt.datetime | None:
    if isinstance(value, dt.datetime) or value is None:
        return value
    return dt.datetime.fromisoformat(value)
