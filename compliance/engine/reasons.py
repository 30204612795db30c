"""The reason people read beside an obligation's status, in Vietnamese.

Shown as stored by the school admin's compliance panel and the portal's drill-down; people read
moments as dd/mm/yyyy HH:MM, durations in days, hours and minutes, periods by their labels
("Tuần 13 (30/11 – 06/12/2026)", never `2026-W49`) and what is required by the rule's
Vietnamese title or the page's title, never a class name. Pure (the engine imports no Django),
so no gettext: the reason is computed once and stored; the words beside it (statuses, headings)
are translated where they are shown.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import datetime, timedelta

from tenants.schoolcalendar.labels import period_label
from tenants.schoolcalendar.localtime import to_local

LEVEL_NAMES = {"preschool": "mầm non", "primary": "tiểu học", "lower_secondary": "THCS"}
ATTRIBUTE_NAMES = {"serves_meals": "có bán trú"}


def moment(value: datetime) -> str:
    """`29/11/2026 08:30` in Vietnam's time (seconds only when they matter)."""
    local = to_local(value)
    if local.second == 0 and local.microsecond == 0:
        return local.strftime("%d/%m/%Y %H:%M")
    return local.strftime("%d/%m/%Y %H:%M:%S")


def duration(delta: timedelta) -> str:
    """A lateness: `2 ngày 3 giờ 5 phút`, `12 giây`."""
    seconds = max(int(delta.total_seconds()), 0)
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [
        f"{days} ngày" if days else "",
        f"{hours} giờ" if hours else "",
        f"{minutes} phút" if minutes else "",
    ]
    if not any(parts):
        parts.append(f"{secs} giây")
    return " ".join(part for part in parts if part)


def deadline(due_at: datetime, *, inclusive: bool) -> str:
    return f"hạn {'đến' if inclusive else 'trước'} {moment(due_at)}"


def titled(title: str) -> str:
    return f"“{title}”"


def for_period(what: str, period_key: str) -> str:
    """`“Kế hoạch tuần” cho tuần 13 (30/11 – 06/12/2026)`; a per-page key adds nothing."""
    label = period_label(period_key)
    return f"{what} cho {label[:1].lower()}{label[1:]}" if label else what


def on_time(what: str, *, since: datetime, due_at: datetime, inclusive: bool) -> str:
    return f"{what} đã đăng từ {moment(since)}, {deadline(due_at, inclusive=inclusive)}"


def late(what: str, *, at: datetime, late_by: timedelta, due_at: datetime, inclusive: bool) -> str:
    return (
        f"{what} đăng lúc {moment(at)}, trễ {duration(late_by)} "
        f"({deadline(due_at, inclusive=inclusive)})"
    )


def missing(what: str, *, due_at: datetime, inclusive: bool) -> str:
    return f"Không có {what} đăng {'đến' if inclusive else 'trước'} {moment(due_at)}"


def pending(what: str, *, due_at: datetime, inclusive: bool) -> str:
    return f"{what} chưa đăng, {deadline(due_at, inclusive=inclusive)}"


def live_at(what: str, *, checkpoint: datetime, inclusive: bool) -> str:
    return f"{what} đang đăng {'lúc' if inclusive else 'trước'} {moment(checkpoint)}"


def none_live(what: str, *, checkpoint: datetime, inclusive: bool, have: int, needed: int) -> str:
    count = f" (có {have}/{needed})" if have else ""
    return (
        f"Không có {what} đang đăng {'lúc' if inclusive else 'trước'} {moment(checkpoint)}{count}"
    )


def no_anchor(title: str, anchor: str) -> str:
    return f"Trang {titled(title)} thiếu mốc thời gian để tính hạn ({anchor})"


def went_offline(what: str, *, removed: datetime, due_at: datetime, years: int) -> str:
    return (
        f"{what} bị gỡ lúc {moment(removed)}, {duration(due_at - removed)} trước khi hết "
        f"{years} năm phải lưu ({moment(due_at)})"
    )


def kept(what: str, *, years: int, first: datetime) -> str:
    return f"{what} đã được lưu đủ {years} năm từ {moment(first)}"


def keep_until(what: str, *, due_at: datetime) -> str:
    return f"{what} phải được giữ trên trang đến {moment(due_at)}"


def weekly_count(what: str, *, count: int, needed: int, period_key: str) -> str:
    label = period_label(period_key) or period_key
    return f"{count} bài {what} đăng lần đầu trong {label} (cần ít nhất {needed})"


def weekly_met(counted: str, *, needed: int, at: datetime) -> str:
    return f"{counted}; bài thứ {needed} lúc {moment(at)}"


def weekly_so_far(counted: str) -> str:
    return f"{counted}, tính đến nay"


def levels(codes: Collection[str]) -> str:
    """`mầm non, tiểu học, THCS`: youngest first, as schools are listed."""
    order = list(LEVEL_NAMES)
    ranked = sorted(codes, key=lambda code: (order.index(code) if code in order else 99, code))
    return ", ".join(LEVEL_NAMES.get(code, code) for code in ranked)


def not_applicable(
    *, wanted: Collection[str], conditions: Mapping[str, str], school: Collection[str]
) -> str:
    """`Chỉ áp dụng cho mầm non (mầm non: nếu có bán trú); trường thuộc cấp tiểu học`."""
    conditional = "; ".join(
        f"{LEVEL_NAMES.get(level, level)}: nếu {ATTRIBUTE_NAMES.get(attr, attr)}"
        for level, attr in conditions.items()
    )
    extra = f" ({conditional})" if conditional else ""
    return (
        f"Chỉ áp dụng cho {levels(wanted)}{extra}; trường thuộc cấp {levels(school) or 'chưa rõ'}"
    )
