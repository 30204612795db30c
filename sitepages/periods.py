"""The periods a school page covers and the way Vietnamese schools write them.

Pure functions, no database: the week labels parents read ("Tuần 12 (18/11 – 24/11/2026)"), the
school year a date belongs to, and the teaching-week number. The number comes from a function
named by the setting `SITEPAGES_TEACHING_WEEK_FUNCTION`, so that the compliance engine's calendar
(term dates, Tết and other break weeks) can replace the plain count used until it exists.
"""

import datetime as dt
from functools import cache

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string

from tenants import dates

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
WEEKDAY_CHOICES = [(str(number), name) for number, name in enumerate(WEEKDAYS)]
# The ministry's frame (RULES.md, "School calendar"): school opens on 5 September and the school
# year ends before 31 May. A new school year's paperwork (annual plan due 15/08) starts in August.
SCHOOL_YEAR_OPENS = (9, 5)
SCHOOL_YEAR_ENDS = (5, 31)
SCHOOL_YEAR_BOUNDARY_MONTH = 8
DEFAULT_TEACHING_WEEK_FUNCTION = "sitepages.periods.teaching_week_number"


def local_today() -> dt.date:
    return timezone.localdate()


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def first_of_month(day: dt.date) -> dt.date:
    return day.replace(day=1)


def next_month(month: dt.date) -> dt.date:
    return (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def school_year_of(day: dt.date) -> int:
    """The year a school year starts in: 2026 for anything from 01/08/2026 to 31/07/2027."""
    return day.year if day.month >= SCHOOL_YEAR_BOUNDARY_MONTH else day.year - 1


def school_year_bounds(school_year_start: int) -> tuple[dt.date, dt.date]:
    """First and last day a school year's paperwork can refer to (01/08/Y – 31/07/Y+1)."""
    return (
        dt.date(school_year_start, SCHOOL_YEAR_BOUNDARY_MONTH, 1),
        dt.date(school_year_start + 1, SCHOOL_YEAR_BOUNDARY_MONTH, 1) - dt.timedelta(days=1),
    )


def first_teaching_monday(school_year_start: int) -> dt.date:
    """The first Monday on or after the opening day (5 September)."""
    opening = dt.date(school_year_start, *SCHOOL_YEAR_OPENS)
    return opening + dt.timedelta(days=(7 - opening.weekday()) % 7)


def teaching_week_number(week_start: dt.date) -> int | None:
    """Week 1 starts on the first Monday on/after 5 September; None outside the school year.

    A stand-in for the authority's calendar: it does not skip break weeks (Tết, mid-term).
    """
    monday = monday_of(week_start)
    school_year = school_year_of(monday)
    first = first_teaching_monday(school_year)
    if monday < first or monday > dt.date(school_year + 1, *SCHOOL_YEAR_ENDS):
        return None
    return (monday - first).days // 7 + 1


@cache
def _teaching_week_function(path: str):
    return import_string(path)


def week_number(week_start: dt.date) -> int | None:
    path = getattr(settings, "SITEPAGES_TEACHING_WEEK_FUNCTION", DEFAULT_TEACHING_WEEK_FUNCTION)
    return _teaching_week_function(path)(week_start)


def date_span(first: dt.date, last: dt.date) -> str:
    """`18/11 – 24/11/2026`, or with both years when the span crosses New Year."""
    if first.year == last.year:
        return f"{first:%d/%m} – {last:%d/%m/%Y}"
    return f"{first:%d/%m/%Y} – {last:%d/%m/%Y}"


def week_label(week_start: dt.date) -> str:
    """`Tuần 12 (18/11 – 24/11/2026)`; `Tuần 20/07 – 26/07/2026` outside the teaching weeks."""
    span = date_span(week_start, week_start + dt.timedelta(days=6))
    number = week_number(week_start)
    return f"Tuần {number} ({span})" if number else f"Tuần {span}"


def month_label(month: dt.date) -> str:
    return f"Tháng {month:%m/%Y}"


def school_year_label(school_year_start: int) -> str:
    return f"Năm học {school_year_start}–{school_year_start + 1}"


def semester_label(school_year_start: int, semester: int) -> str:
    return f"Học kỳ {semester} {school_year_label(school_year_start).lower()}"


def weekday_name(day: dt.date | int | str) -> str:
    index = day.weekday() if isinstance(day, dt.date) else int(day)
    return WEEKDAYS[index]


def vn_date(value) -> str:
    """dd/mm/yyyy; a datetime as `dd/mm/yyyy HH:MM` in local time (a naive one is taken as
    local already). The formats are tenants.dates', the ones the admin's forms read back."""
    if value is None or value == "":
        return ""
    if isinstance(value, dt.datetime):
        if timezone.is_naive(value):
            value = timezone.make_aware(value)
        return dates.datetime_format(value)
    return dates.date_format(value)
