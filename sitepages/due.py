"""What is due: the periodic pages a school publishes, and which ones it needs now.

Each `PeriodKind` names a page type, the section it lives in and how its period is written
(`period_key` ↔ the page's period fields). `due_rows` lists the periods the editor's "Việc cần
làm" panel offers for a given day, from the plain calendar (RULES.md); the engine's view, with
each authority's school calendar and deadlines, is the compliance panel's
(compliance/admin_panel.py, fed by stored results). That these two can disagree is tracked by the
compliance-trust issue. Kind codes are the rule ids of RULES.md.
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

SATURDAY_GAP = dt.timedelta(days=2)  # Saturday before a Monday


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


@dataclass(frozen=True)
class DueRow:
    kind: PeriodKind
    period: Any
    deadline: str  # human wording of the deadline (local time)
    page: Any = None  # the page for that period when one exists (draft or live)

    @property
    def period_key(self) -> str:
        return self.kind.key(self.period)

    @property
    def period_label(self) -> str:
        return self.kind.period_label(self.period)

    @property
    def status(self) -> str:
        if self.page is None:
            return "Chưa có"
        if self.page.live:
            if self.page.has_unpublished_changes:
                return "Đã xuất bản, có thay đổi chưa xuất bản"
            return "Đã xuất bản"
        return "Bản nháp, chưa xuất bản"


def _weekly_rows(today, *, preschool: bool, has_menu: bool) -> list[tuple[str, Any, str]]:
    this_monday = calendar.monday_of(today)
    next_monday = this_monday + dt.timedelta(days=7)
    saturday_before = next_monday - SATURDAY_GAP
    rows = []
    # Preschool weekly plans and every menu are due before Saturday of the previous week
    # (TT 09/2024 Art. 15); other weekly pages on Monday morning (Phong Điền letter).
    codes = ["weekly-plan", "work-schedule", "lesson-register"] + (["menu"] if has_menu else [])
    for code in codes:
        early = code == "menu" or (preschool and code == "weekly-plan")
        if early:
            rows.append((code, this_monday, f"trước thứ Bảy {this_monday - SATURDAY_GAP:%d/%m}"))
            rows.append((code, next_monday, f"trước thứ Bảy {saturday_before:%d/%m}"))
            continue
        rows.append((code, this_monday, f"sáng thứ Hai {this_monday:%d/%m}"))
        if today.weekday() >= 3:  # from Thursday, next week's pages can be prepared
            rows.append((code, next_monday, f"sáng thứ Hai {next_monday:%d/%m}"))
    return rows


def _monthly_rows(today, *, preschool: bool) -> list[tuple[str, Any, str]]:
    this_month = calendar.first_of_month(today)
    following = calendar.next_month(this_month)
    if preschool:
        rows = [("monthly-plan", this_month, f"trước 25/{this_month - dt.timedelta(days=1):%m}")]
        if today.day >= 15:
            rows.append(("monthly-plan", following, f"trước 25/{this_month:%m}"))
        return rows
    rows = [("monthly-plan", this_month, f"trước ngày {this_month:%d/%m/%Y}")]
    if today.day >= 20:
        rows.append(("monthly-plan", following, f"trước ngày {following:%d/%m/%Y}"))
    return rows


def _yearly_rows(today) -> list[tuple[str, Any, str]]:
    year = calendar.school_year_of(today)
    rows = [("annual-plan", year, f"trước 15/08/{year}")]
    if today.month in (6, 7):
        rows.append(("annual-plan", year + 1, f"trước 15/08/{year + 1}"))
    if today.month >= 8:
        rows.append(("timetable", (year, 1), f"trước 20/08/{year}"))
        if today.month == 12:
            rows.append(("timetable", (year, 2), f"trước 30/12/{year}"))
    else:
        rows.append(("timetable", (year, 2), f"trước 30/12/{year}"))
    return rows


def due_rows(*, today: dt.date, levels, has_menu: bool) -> list[DueRow]:
    """The periods to offer on `today`, each with the page that already covers it (if any)."""
    preschool = "preschool" in levels
    raw = (
        _weekly_rows(today, preschool=preschool, has_menu=has_menu)
        + _monthly_rows(today, preschool=preschool)
        + _yearly_rows(today)
    )
    rows = []
    for code, period, deadline in raw:
        kind = KINDS[code]
        rows.append(DueRow(kind=kind, period=period, deadline=deadline, page=kind.existing(period)))
    return rows
