"""Periods as people read them, in Vietnamese: one vocabulary for the site, the admin panels,
the portal, reports, exports, e-mails and the API's `label` fields.

    Tuần 13 (30/11 – 06/12/2026)     a teaching week, numbered by the school's calendar
    Tuần nghỉ Tết (08/02 – 14/02/2027)  a break week (not numbered)
    Tháng 12/2026 · Năm học 2026–2027 · Học kỳ II năm học 2026–2027 · ngày 16/11/2026

Machines keep the keys (`2026-W49`, `2026-12`, `2026-2027/S2`: schoolcalendar/periods.py); a
label is never parsed back. Pure functions: the calendar is an argument (the authority's, with
its Tết and other breaks; `SchoolCalendar()` is the ministry's frame).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from .calendar import SchoolCalendar, describe_break
from .localtime import to_local
from .periods import (
    DayKey,
    MonthKey,
    PageKey,
    SchoolYearItemKey,
    SchoolYearKey,
    SemesterKey,
    WeekKey,
    monday_of,
    parse_period_key,
    school_year_of,
)

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
ROMAN = {1: "I", 2: "II"}


def date_span(first: date, last: date) -> str:
    """`30/11 – 06/12/2026`, with both years when the span crosses New Year."""
    if first.year == last.year:
        return f"{first:%d/%m} – {last:%d/%m/%Y}"
    return f"{first:%d/%m/%Y} – {last:%d/%m/%Y}"


def week_number(day: date, calendar: SchoolCalendar) -> int | None:
    """The teaching-week number of the week holding `day` (None in breaks and holidays)."""
    monday = monday_of(day)
    return calendar.year(school_year_of(monday)).week_number(monday)


def week_label(day: date, calendar: SchoolCalendar | None = None) -> str:
    """`Tuần 13 (30/11 – 06/12/2026)`; a break week says which; summer weeks have no number."""
    calendar = calendar or SchoolCalendar()
    monday = monday_of(day)
    span = date_span(monday, monday + timedelta(days=6))
    year = calendar.year(school_year_of(monday))
    number = year.week_number(monday)
    if number:
        return f"Tuần {number} ({span})"
    brk = year.break_week(monday)
    if brk is not None:
        return f"Tuần {describe_break(str(brk.label))} ({span})"
    return f"Tuần {span}"


def month_label(year: int, month: int) -> str:
    return f"Tháng {month:02d}/{year}"


def school_year_label(school_year_start: int) -> str:
    return f"Năm học {school_year_start}–{school_year_start + 1}"


def semester_label(semester: int, school_year_start: int | None = None) -> str:
    """`Học kỳ II`, or `Học kỳ II năm học 2026–2027` with the year."""
    label = f"Học kỳ {ROMAN.get(semester, semester)}"
    if school_year_start is None:
        return label
    return f"{label} {school_year_label(school_year_start).lower()}"


def weekday_name(day: date | int | str) -> str:
    index = day.weekday() if isinstance(day, date) else int(day)
    return WEEKDAYS[index]


def vn_date(value: date | datetime | None) -> str:
    """dd/mm/yyyy; an aware datetime in local time as `dd/mm/yyyy HH:MM`; "" for None."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = to_local(value)
        return f"{value:%d/%m/%Y %H:%M}"
    return f"{value:%d/%m/%Y}"


def period_label(period_key: str, calendar: SchoolCalendar | None = None) -> str:
    """A stored period key as people read it; "" for a per-page key (name the page instead).

    `2026-W49` → `Tuần 13 (30/11 – 06/12/2026)`, `2026-12` → `Tháng 12/2026`,
    `2026-2027/S2` → `Học kỳ II năm học 2026–2027`, `2026-2027` and `2026-2027/a4-1` →
    `Năm học 2026–2027`, `2026-11-16` → `ngày 16/11/2026`; an unknown key is returned as is.
    """
    try:
        key = parse_period_key(period_key)
    except ValueError:
        return period_key
    if isinstance(key, WeekKey):
        return week_label(key.monday, calendar)
    if isinstance(key, MonthKey):
        return month_label(key.year, key.month)
    if isinstance(key, SemesterKey):
        return semester_label(key.semester, key.school_year_start)
    if isinstance(key, SchoolYearKey):
        return school_year_label(key.start)
    if isinstance(key, SchoolYearItemKey):
        return school_year_label(key.school_year_start)
    if isinstance(key, DayKey):
        return f"ngày {key.day:%d/%m/%Y}"
    if isinstance(key, PageKey):
        return ""
    return period_key
