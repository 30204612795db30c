"""/quan-ly/lich-nam-hoc/: the school calendar an authority's schools are judged by, per school
year: its own, inherited from the body above (the province), or the ministry's frame; the
teaching-week preview; and setting its own through compliance's `calendar_year_set` (the
`set_school_calendar` command's service), audited.

Break lines are written as people write them: `09/02/2027 Tết`, `02/11/2026 giữa kỳ`,
`11/01/2027 ôn thi` (the Monday of the break week, then what the break is)."""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from compliance.engine import SchoolYear
from compliance.models import CalendarYear
from compliance.selectors import authority_chain, calendar_year_as_school_year
from compliance.services.configuration import ConfigurationError, calendar_year_set
from portal.models import AuditEntry
from portal.services.audit import audit_record
from tenants.dates import DateInputError, date_parse
from tenants.models import Authority
from tenants.schoolcalendar.calendar import default_school_year
from tenants.schoolcalendar.labels import date_span
from tenants.text import text_key

BREAK_WORDS = {"tet": "tet", "giua ky": "mid_term", "on thi": "exam_review", "khac": "other"}
BREAK_TEXT = {"tet": "Tết", "mid_term": "giữa kỳ", "exam_review": "ôn thi", "other": "khác"}


@dataclass(frozen=True)
class CalendarInForce:
    year: SchoolYear
    source: str  # "own", "default" or the name of the body above it comes from


@dataclass(frozen=True)
class WeekRow:
    monday: dt.date
    label: str  # "Tuần 13 (30/11 – 06/12/2026)" or "Nghỉ Tết (09/02 – 15/02/2027)"
    teaching: bool
    semester: int | None


def calendar_in_force(authority: Authority, school_year_start: int) -> CalendarInForce:
    for body in authority_chain(authority):
        row = CalendarYear.objects.filter(
            authority=body, school_year_start=school_year_start
        ).first()
        if row:
            source = "own" if body == authority else body.name
            return CalendarInForce(calendar_year_as_school_year(row), source)
    return CalendarInForce(default_school_year(school_year_start=school_year_start), "default")


def calendar_weeks(year: SchoolYear) -> list[WeekRow]:
    """Every week from the first to the last teaching day: numbered teaching weeks and breaks."""
    numbers = dict((monday, n) for n, monday in year.teaching_weeks)
    rows = []
    for monday in year.mondays():
        span = date_span(monday, monday + dt.timedelta(days=6))
        semester = year.semester_of_week(monday)
        if monday in numbers:
            rows.append(WeekRow(monday, f"Tuần {numbers[monday]} ({span})", True, semester))
        else:
            brk = year.break_week(monday)
            what = BREAK_TEXT.get(brk.label, brk.label) if brk else "giữa hai học kỳ"
            rows.append(WeekRow(monday, f"Nghỉ {what} ({span})", False, semester))
    return rows


def breaks_parse(text: str) -> list[tuple[dt.date, str]]:
    """`09/02/2027 Tết` lines → [(Monday, label)]; ConfigurationError names the bad line."""
    breaks = []
    for number, line in enumerate((text or "").splitlines(), start=1):
        line = line.strip().lstrip("-").strip()
        if not line:
            continue
        day_text, _sep, what = line.partition(" ")
        try:
            monday = date_parse(day_text)
        except DateInputError as exc:
            raise ConfigurationError(
                _(
                    "Tuần nghỉ dòng %(n)d: %(reason)s Mỗi dòng ghi ngày thứ Hai rồi tên, ví dụ "
                    "08/02/2027 Tết."
                )
                % {"n": number, "reason": exc}
            ) from None
        if monday.weekday() != 0:
            raise ConfigurationError(
                _("Tuần nghỉ dòng %(n)d: %(day)s không phải thứ Hai; ghi ngày thứ Hai đầu tuần.")
                % {"n": number, "day": day_text}
            )
        label = BREAK_WORDS.get(text_key(what), "other") if what.strip() else "other"
        breaks.append((monday, label))
    return breaks


def calendar_set(
    *,
    authority: Authority,
    actor: str,
    school_year_start: int,
    semester1: tuple[dt.date, dt.date],
    semester2: tuple[dt.date, dt.date],
    breaks: list[tuple[dt.date, str]],
) -> CalendarYear:
    """Store the authority's own calendar for a school year; raises ConfigurationError (in
    Vietnamese) when the dates are out of order or a break repeats."""
    before = calendar_in_force(authority, school_year_start)
    try:
        with transaction.atomic():
            row = calendar_year_set(
                authority=authority,
                school_year_start=school_year_start,
                semester1=semester1,
                semester2=semester2,
                breaks=breaks,
            )
            audit_record(
                authority=authority,
                actor=actor,
                action=AuditEntry.Action.CALENDAR_SET,
                target=f"{school_year_start}-{school_year_start + 1}",
                before=_as_dict(before.year) | {"source": before.source},
                after=_as_dict(calendar_year_as_school_year(row)),
            )
    except ConfigurationError:
        raise ConfigurationError(
            _(
                "Ngày không hợp lệ: học kỳ I phải kết thúc trước học kỳ II, mỗi học kỳ bắt đầu "
                "trước khi kết thúc, và mỗi tuần nghỉ chỉ ghi một lần."
            )
        ) from None
    return row


def _as_dict(year: SchoolYear) -> dict:
    return {
        "semester1": [year.s1_first.isoformat(), year.s1_last.isoformat()],
        "semester2": [year.s2_first.isoformat(), year.s2_last.isoformat()],
        "breaks": [[b.monday.isoformat(), b.label] for b in year.breaks],
    }
