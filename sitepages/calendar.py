"""The school's calendar on its own site: the one calendar and period vocabulary
(`tenants.schoolcalendar`), with the authority's school years, Tết and other break weeks.

The site sits below the compliance app, which keeps the authority calendars (public schema), so
the function that returns a school's calendar is named by the setting `SCHOOL_CALENDAR_PROVIDER`
(a dotted path to `f(school) -> SchoolCalendar`; compliance's `calendar_of_school`), the same
inversion as `SCHOOL_SITE_BUILDER`. Without a school (the public schema, a unit test) the
ministry's frame applies. Nothing here computes a period: it only hands the calendar over, so
the parents' "Tuần 13", the editor's panel and the engine always say the same week.
"""

from __future__ import annotations

import datetime as dt
import time

from django.conf import settings
from django.db import connection
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tenants.utils import get_public_schema_name

from tenants import dates
from tenants.models import School
from tenants.schoolcalendar import labels
from tenants.schoolcalendar.calendar import SchoolCalendar
from tenants.schoolcalendar.periods import monday_of, school_year_of  # noqa: F401 (re-exported)

WEEKDAYS = labels.WEEKDAYS
WEEKDAY_CHOICES = [(str(number), name) for number, name in enumerate(WEEKDAYS)]
CALENDAR_SECONDS = 60
_CALENDARS: dict[tuple, tuple[float, SchoolCalendar]] = {}


def local_today() -> dt.date:
    return timezone.localdate()


def school_calendar() -> SchoolCalendar:
    """The current school's calendar.

    Kept for a minute per process (a parent's page must not cost a query for the week label:
    the home page renders in ten), keyed by the school's schema and id, and
    forgotten at once in this process when a calendar changes (`school_calendars_forget`,
    called by compliance on every CalendarYear save or delete).
    """
    schema = getattr(connection, "schema_name", None)
    tenant = getattr(connection, "tenant", None)
    if not schema or schema == get_public_schema_name() or tenant is None:
        return SchoolCalendar()
    school = tenant if isinstance(tenant, School) else None
    # the school's id, never reused (a sequence), already loaded by the tenant middleware
    key = (schema, getattr(school, "pk", None))
    found = _CALENDARS.get(key)
    if found is not None and found[0] > time.monotonic():
        return found[1]
    path = getattr(settings, "SCHOOL_CALENDAR_PROVIDER", "")
    if school is None:
        school = School.objects.filter(schema_name=schema).first()
    calendar = import_string(path)(school) if path and school else SchoolCalendar()
    _CALENDARS[key] = (time.monotonic() + CALENDAR_SECONDS, calendar)
    return calendar


def school_calendars_forget() -> None:
    """Drop the kept calendars (an authority's calendar changed)."""
    _CALENDARS.clear()


def week_label(day: dt.date) -> str:
    """`Tuần 13 (30/11 – 06/12/2026)` by the school's calendar."""
    return labels.week_label(day, school_calendar())


def month_label(month: dt.date) -> str:
    return labels.month_label(month.year, month.month)


def school_year_label(school_year_start: int) -> str:
    return labels.school_year_label(school_year_start)


def semester_label(school_year_start: int, semester: int) -> str:
    return labels.semester_label(semester, school_year_start)


def semester_first_day(school_year_start: int, semester: int) -> dt.date:
    """The first teaching day of a semester in the school's calendar."""
    return school_calendar().year(school_year_start).semester_span(semester)[0]


def school_year_bounds(school_year_start: int) -> tuple[dt.date, dt.date]:
    """First and last day a school year's own papers (a timetable's effective date) can name:
    01/08/Y – 31/07/Y+1 (a new year's paperwork starts in August; RULES.md)."""
    return dt.date(school_year_start, 8, 1), dt.date(school_year_start + 1, 7, 31)


def first_of_month(day: dt.date) -> dt.date:
    return day.replace(day=1)


def next_month(month: dt.date) -> dt.date:
    return (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


weekday_name = labels.weekday_name


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


def vn_day(value) -> str:
    """dd/mm/yyyy only; a datetime's day in local time (what a reader calls "the date")."""
    if value is None or value == "":
        return ""
    if isinstance(value, dt.datetime):
        if timezone.is_naive(value):
            value = timezone.make_aware(value)
        value = value.astimezone(dates.LOCAL_TZ).date()
    return dates.date_format(value)
