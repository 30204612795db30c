"""Dates and times as people in Vietnam type and read them: dd/mm/yyyy [HH:MM], never mm/dd.

One vocabulary for every place a person types or reads a date: Django's format modules
(`schoolhost/formats/vi` and `/en`, so every form field and the Wagtail admin's date picker parse
`29/11/2026 08:30` whether the editor chose Vietnamese or English), management commands'
options, the portal's and the API's query parameters. ISO 8601 (`2026-11-29`,
`2026-11-29T08:30`) stays accepted everywhere, for machines and for people who write it.

Times a person types carry no zone: they are Vietnam's local time (Asia/Ho_Chi_Minh, UTC+7, no
daylight saving; RULES.md); they are stored in UTC by Django (`USE_TZ`).

Why not Django's defaults: its `vi` locale names no input formats, so the settings' (US) ones
apply and `05/12/2026 07:00` parses as 12 May, while `29/11/2026 08:30` is refused; `en` is
mm/dd by design. A day-first order alone is unambiguous, so no mm/dd format is ever accepted.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _

from tenants.text import line_clean

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")

# What a form displays and what the Wagtail date picker writes (strftime syntax).
DATE_FORMAT = "%d/%m/%Y"
TIME_FORMAT = "%H:%M"
DATETIME_FORMAT = f"{DATE_FORMAT} {TIME_FORMAT}"
# The same in Django's template syntax (`{{ value|date:"d/m/Y" }}`, format modules).
DJANGO_DATE_FORMAT = "d/m/Y"
DJANGO_TIME_FORMAT = "H:i"
DJANGO_DATETIME_FORMAT = "d/m/Y H:i"
DJANGO_MONTH_FORMAT = "m/Y"

# Accepted input, in order: day first with "/", "-" or "." (Vietnamese short dates are
# written all three ways), then ISO. Two-digit years are refused: "05/12/26" is too easy to
# misread for a deadline.
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"]
# "08:30", "08:30:15", and "8h30" / "8g30" as time is often written in Vietnamese.
TIME_INPUT_FORMATS = ["%H:%M", "%H:%M:%S", "%Hh%M", "%Hg%M"]
_DAY_FIRST = DATE_INPUT_FORMATS[:-1]
DATETIME_INPUT_FORMATS = (
    [f"{day} {time}" for day in _DAY_FIRST for time in TIME_INPUT_FORMATS]
    # "08:30 29/11/2026": the order Django's own Vietnamese short format uses.
    + [f"{time} {day}" for day in _DAY_FIRST for time in TIME_INPUT_FORMATS[:2]]
    + ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M"]
    # A date alone is midnight at the start of that day.
    + DATE_INPUT_FORMATS
)

DATE_EXAMPLE = "29/11/2026"
DATETIME_EXAMPLE = "29/11/2026 08:30"
MONTH_EXAMPLE = "11/2026"

# "11/2026", "1/2026", "11-2026", "11.2026", "2026-11", "2026/11", optionally after "tháng"
# or "T" ("Tháng 11/2026", "T11/2026"), as people copy month labels.
_MONTH_FIRST = re.compile(r"^(?:th[aá]ng\s*|t\s*)?(\d{1,2})\s*[/.-]\s*(\d{4})$", re.IGNORECASE)
_YEAR_FIRST = re.compile(r"^(\d{4})\s*[/-]\s*(\d{1,2})$")


# A date written day first ("31/02/2026", also inside "31/02/2026 08:30") or ISO ("2026-02-31"),
# whatever its numbers: what `date_impossible_reason` looks at.
_DAY_FIRST_DATE = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\d/.-])")
_ISO_DATE = re.compile(r"(?<![\d-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d-])")


class DateInputError(ValueError):
    """A date, date-time or month a person typed that cannot be read; `str()` is one
    Vietnamese sentence quoting the input and giving an example of what is accepted."""


def _strptime(text: str, formats: list[str]) -> dt.datetime | None:
    for fmt in formats:
        try:
            return dt.datetime.strptime(text, fmt)
        except ValueError:
            continue
    return None


def date_impossible_reason(value: str | None, *, with_time: bool = False) -> str | None:
    """Why a date written in the right shape names no real day, or None.

    `"31/02/2026 08:30"` → "Ngày 31/02/2026 không có thật: tháng 2/2026 chỉ có 28 ngày.";
    `"13/25/2026"` (month first) → a sentence saying there is no month 25 and the day comes
    first, with an example of a date (or, `with_time`, of a date and time). None when `value`
    holds no date of that shape, or a real one: the caller's own message applies then. In the
    active language (Vietnamese msgids, English in tenants/locale/en).
    """
    text = line_clean(value)
    if found := _DAY_FIRST_DATE.search(text):
        day, month, year = int(found.group(1)), int(found.group(3)), int(found.group(4))
    elif found := _ISO_DATE.search(text):
        year, month, day = (int(part) for part in found.groups())
    else:
        return None
    written = found.group(0)
    if not 1 <= month <= 12:
        return _(
            "Ngày %(written)s không có thật: không có tháng %(month)s. Hãy ghi ngày trước, "
            "rồi đến tháng và năm (%(pattern)s), ví dụ %(example)s."
        ) % {
            "written": written,
            "month": month,
            "pattern": _("ngày/tháng/năm giờ:phút") if with_time else _("ngày/tháng/năm"),
            "example": DATETIME_EXAMPLE if with_time else DATE_EXAMPLE,
        }
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        return _(
            "Ngày %(written)s không có thật: tháng %(month)s/%(year)s chỉ có %(days)s ngày."
        ) % {
            "written": written,
            "month": month,
            "year": year,
            "days": days,
        }
    return None


def date_parse(value: str | None) -> dt.date:
    """`"29/11/2026"`, `"29-11-2026"`, `"29.11.2026"` or `"2026-11-29"` → `date(2026, 11, 29)`.

    Raises DateInputError for anything else. A day the month does not have (`31/02/2026`) or a
    month past 12 (`11/29/2026`, month first) is told as such (`date_problem`), not as a
    wrongly written date.
    """
    text = line_clean(value)
    parsed = _strptime(text, DATE_INPUT_FORMATS)
    if parsed is None and (reason := date_impossible_reason(text)):
        raise DateInputError(reason)
    if parsed is None:
        raise DateInputError(
            f"“{text}” không phải là một ngày hợp lệ: hãy ghi ngày/tháng/năm, "
            f"ví dụ {DATE_EXAMPLE} (hoặc 2026-11-29)."
        )
    return parsed.date()


def datetime_parse(value: str | None, *, tz: dt.tzinfo = LOCAL_TZ) -> dt.datetime:
    """`"29/11/2026 08:30"` (local time) → an aware datetime in `tz` (default Vietnam's).

    Accepts every format of DATETIME_INPUT_FORMATS (a date alone is its midnight) and ISO 8601
    with an explicit offset (`2026-11-29T01:30:00+00:00`), which keeps its offset. Raises
    DateInputError with a Vietnamese sentence otherwise.
    """
    text = line_clean(value)
    parsed = _strptime(text, DATETIME_INPUT_FORMATS)
    if parsed is None:
        try:
            parsed = dt.datetime.fromisoformat(text) if text[:4].isdigit() else None
        except ValueError:
            parsed = None
    if parsed is None and (reason := date_impossible_reason(text, with_time=True)):
        raise DateInputError(reason)
    if parsed is None:
        raise DateInputError(
            f"“{text}” không phải là một thời điểm hợp lệ: hãy ghi ngày/tháng/năm giờ:phút, "
            f"ví dụ {DATETIME_EXAMPLE} (giờ Việt Nam)."
        )
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=tz)


def month_parse_parts(value: str | None) -> tuple[int, int]:
    """`"11/2026"`, `"Tháng 11/2026"` or `"2026-11"` → `(2026, 11)`; DateInputError otherwise."""
    text = line_clean(value)
    year = month = None
    if found := _MONTH_FIRST.match(text):
        month, year = int(found.group(1)), int(found.group(2))
    elif found := _YEAR_FIRST.match(text):
        year, month = int(found.group(1)), int(found.group(2))
    if year is None or not 1 <= month <= 12 or year < 1900:
        raise DateInputError(
            f"“{text}” không phải là một tháng hợp lệ: hãy ghi tháng/năm, "
            f"ví dụ {MONTH_EXAMPLE} (hoặc 2026-11)."
        )
    return year, month


def date_format(day: dt.date | None) -> str:
    """`date(2026, 11, 29)` → `"29/11/2026"`; `""` for None."""
    return day.strftime(DATE_FORMAT) if day else ""


def datetime_format(moment: dt.datetime | None, *, tz: dt.tzinfo = LOCAL_TZ) -> str:
    """An aware datetime → `"29/11/2026 08:30"` in `tz` (default Vietnam's); `""` for None."""
    return moment.astimezone(tz).strftime(DATETIME_FORMAT) if moment else ""


def month_format(year: int, month: int) -> str:
    """`(2026, 11)` → `"11/2026"`, the form a month input displays and accepts back."""
    return f"{month:02d}/{year:04d}"
