"""The pages a school publishes for a period, and how to make the one for a given period.

Each `PeriodKind` names a page type, the section it lives in and how its period is written
(`period_key` ↔ the page's period fields). What is due, and when, is never computed here: the
compliance panel (compliance/admin_panel.py) reads it from the stored results, judged by the
engine with the authority's calendar, and its buttons name a kind and a period for
`period_page_draft_get_or_create`. Kind codes are the rule ids of RULES.md.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sitepages import calendar
from sitepages.models import (
    AnnualPlanPage,
    LessonRegisterPage,
    MenuIndexPage,
    MenuPage,
    MonthlyPlanPage,
    PlanIndexPage,
    ScheduleIndexPage,
    TimetableIndexPage,
    TimetablePage,
    WeeklyPlanPage,
    WorkSchedulePage,
)


class PeriodKeyError(ValueError):
    """A period written in a form or URL that does not fit the kind."""


@dataclass(frozen=True)
class PeriodKind:
    code: str
    label: str  # what the dashboard calls the page ("Kế hoạch tuần")
    title_prefix: str  # the page title starts with this, then the period ("Kế hoạch tuần 12 …")
    model: type
    parent_model: type
    shape: str  # "week" | "month" | "year" | "semester"

    def parse(self, key: str) -> Any:
        """`2026-11-16` (week/month), `2026` (year), `2026-1` (semester) → the period."""
        try:
            if self.shape in ("week", "month"):
                day = dt.date.fromisoformat(key)
                if self.shape == "week" and day.weekday() != 0:
                    raise PeriodKeyError(f"{key} không phải thứ Hai")
                if self.shape == "month" and day.day != 1:
                    raise PeriodKeyError(f"{key} không phải ngày 1 của tháng")
                return day
            if self.shape == "year":
                return int(key)
            year, semester = (int(part) for part in key.split("-"))
            if semester not in (1, 2):
                raise PeriodKeyError("học kỳ phải là 1 hoặc 2")
            return (year, semester)
        except (TypeError, ValueError) as error:
            if isinstance(error, PeriodKeyError):
                raise
            raise PeriodKeyError(f"kỳ “{key}” không hợp lệ") from error

    def key(self, period) -> str:
        if self.shape in ("week", "month"):
            return period.isoformat()
        if self.shape == "year":
            return str(period)
        return f"{period[0]}-{period[1]}"

    def period_label(self, period) -> str:
        if self.shape == "week":
            return calendar.week_label(period)
        if self.shape == "month":
            return calendar.month_label(period)
        if self.shape == "year":
            return calendar.school_year_label(period)
        return calendar.semester_label(*period)

    def field_values(self, period) -> dict:
        """The page's period fields, including a first guess the editor can change."""
        if self.shape == "week":
            return {"week_start": period}
        if self.shape == "month":
            return {"month": period}
        if self.shape == "year":
            return {"school_year_start": period}
        year, semester = period
        return {"school_year_start": year, "semester": semester}

    def lookup(self, period) -> dict:
        return self.field_values(period)

    def new_page_values(self, period) -> dict:
        values = self.field_values(period)
        if self.shape == "semester":
            year, semester = period
            values["effective_from"] = calendar.semester_first_day(year, semester)
        return values

    def title(self, period) -> str:
        label = self.period_label(period)
        return f"{self.title_prefix} {label[0].lower()}{label[1:]}"

    def existing(self, period):
        return self.model.objects.filter(**self.lookup(period)).order_by("pk").first()


KINDS: dict[str, PeriodKind] = {
    kind.code: kind
    for kind in (
        PeriodKind(
            "weekly-plan", "Kế hoạch tuần", "Kế hoạch", WeeklyPlanPage, PlanIndexPage, "week"
        ),
        PeriodKind(
            "work-schedule",
            "Lịch công tác tuần",
            "Lịch công tác",
            WorkSchedulePage,
            ScheduleIndexPage,
            "week",
        ),
        PeriodKind(
            "lesson-register",
            "Lịch báo giảng",
            "Lịch báo giảng",
            LessonRegisterPage,
            ScheduleIndexPage,
            "week",
        ),
        PeriodKind("menu", "Thực đơn tuần", "Thực đơn", MenuPage, MenuIndexPage, "week"),
        PeriodKind(
            "monthly-plan", "Kế hoạch tháng", "Kế hoạch", MonthlyPlanPage, PlanIndexPage, "month"
        ),
        PeriodKind(
            "annual-plan", "Kế hoạch năm học", "Kế hoạch", AnnualPlanPage, PlanIndexPage, "year"
        ),
        PeriodKind(
            "timetable",
            "Thời khóa biểu",
            "Thời khóa biểu",
            TimetablePage,
            TimetableIndexPage,
            "semester",
        ),
    )
}
