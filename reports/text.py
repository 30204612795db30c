"""How a report names what a school missed or published late, in Vietnamese, dates dd/mm/yyyy.

The words for a rule, an item and a period are compliance's (`compliance/presentation.py`)."""

from __future__ import annotations

import datetime as dt

from compliance.presentation import duration_text, local_text, period_text


def item_text(item: dict) -> str:
    """One missing or late item of a report entry as one line."""
    name = item["title"] + (f" ({item['item_title']})" if item.get("item_title") else "")
    period = item.get("period_label") or period_text(
        item["period_key"], evidence=item.get("evidence")
    )
    text = f"{name} — {period}"
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
