"""A day of the week as schools write it in a schedule, a register or a menu.

"Thứ Hai", "Thứ 2", "T2", "THỨ HAI (30/11)", "Thứ Hai\\n30/11", "CN", "Chủ nhật", and a bare
date "30/11" when the week is known. Monday is 0, Sunday 6 (Python's `date.weekday()`), the
numbering of `sitepages.calendar.WEEKDAYS`.
"""

import datetime as dt
import re

from tenants.text import text_key

_NAMED = {"hai": 0, "ba": 1, "tu": 2, "nam": 3, "sau": 4, "bay": 5}
_THU = re.compile(r"\bthu\s*(hai|ba|tu|nam|sau|bay|[2-7])\b|\bt([2-7])\b")
_SUNDAY = re.compile(r"\b(?:chu nhat|cn)\b")
_DATE = re.compile(r"\b(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{2,4}))?\b")


def weekday_parse(text: str, *, week_start: dt.date | None = None) -> int | None:
    """0–6 for the day `text` names, else None.

    A name wins over a date; a date alone counts only when it falls in the week starting on
    `week_start` (a Monday), so "1/2 buổi" or last month's date is not taken for a day.
    """
    key = text_key(text)
    match = _THU.search(key)
    if match:
        word = match.group(1) or match.group(2)
        return _NAMED[word] if word in _NAMED else int(word) - 2
    if _SUNDAY.search(key):
        return 6
    if week_start is None:
        return None
    for day, month, _year in _DATE.findall(text or ""):
        for offset in range(7):
            date = week_start + dt.timedelta(days=offset)
            if (date.day, date.month) == (int(day), int(month)):
                return offset
    return None


def weekday_heading(text: str, *, week_start: dt.date | None = None) -> int | None:
    """The day a heading line starts with ("THỨ HAI (30/11)"), else None: a note that only
    mentions a day ("… nộp trước thứ Sáu") is not a heading."""
    key = text_key(text)
    if not (_THU.match(key) or _SUNDAY.match(key) or _DATE.match((text or "").strip())):
        return None
    return weekday_parse(text, week_start=week_start)
