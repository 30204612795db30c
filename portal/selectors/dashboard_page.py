"""What the dashboard page shows: the three statements of `dashboard`, paged and laid out.

The figures of every matching school come from one statement (the category counts need them
all), the authority's trend and the shown schools' own from a second; each rule's status only
for the schools on the page shown.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from compliance.models import ObligationStatus
from compliance.presentation import STATUS_VI, rule_title
from portal.labels import GROUPS, STATUS_RANK, STATUS_SHORT, rule_group, rule_order, rule_short
from portal.selectors.dashboard import (
    DashboardQuery,
    SchoolRow,
    TrendPoint,
    dashboard_schools,
    rule_statuses,
    trend_points,
)
from reports.months import month_of, school_year_start_of

PAGE_SIZE = 50
ALL_PAGES = "tat-ca"


@dataclass(frozen=True)
class RuleColumn:
    ruleset: str
    rule: str
    short: str
    title: str


@dataclass(frozen=True)
class StatusCell:
    status: str  # on_time | late | missing | pending | none
    short: str
    label: str


@dataclass(frozen=True)
class ColumnGroup:
    """Rule columns shown as one column ("Kế hoạch"), its rules listed under its heading."""

    name: str
    columns: list[RuleColumn]


@dataclass(frozen=True)
class GroupCell:
    """One school's cell of a group: the worst status, how many rules are on time, each rule."""

    status: str
    summary: str  # "Thiếu · 1/3 đúng hạn"
    cells: list[tuple[RuleColumn, StatusCell]]


def column_groups(columns: list[RuleColumn]) -> list[ColumnGroup]:
    found = {name: [c for c in columns if rule_group(c.ruleset, c.rule) == name] for name in GROUPS}
    return [ColumnGroup(name, cols) for name, cols in found.items() if cols]


def group_cells(cells: list[StatusCell], columns: list[RuleColumn], groups) -> list[GroupCell]:
    by_column = dict(zip(columns, cells, strict=True))
    out = []
    for group in groups:
        pairs = [(c, by_column[c]) for c in group.columns]
        applicable = [cell for _c, cell in pairs if cell.status != "none"]
        worst = min((cell.status for cell in applicable), key=STATUS_RANK.get, default="none")
        on_time = sum(1 for cell in applicable if cell.status == ObligationStatus.ON_TIME)
        word = STATUS_SHORT.get(worst, "—")
        summary = f"{word} · {on_time}/{len(applicable)} đúng hạn" if applicable else "—"
        out.append(GroupCell(worst, summary, pairs))
    return out


@dataclass
class DashboardPage:
    rows: list[SchoolRow]
    cells: dict[int, list[StatusCell]]
    columns: list[RuleColumn]
    total: int
    page: int
    pages: int
    show_all: bool
    trend: list[TrendPoint]
    category_counts: dict[str, int]
    month_key: str
    school_year_start: int


def dashboard_page(
    *,
    authority_ids: list[int],
    now: dt.datetime,
    level: str = "",
    search: str = "",
    category: str = "",
    sort: str = "",
    page: str = "",
) -> DashboardPage:
    month = month_of(now)
    year = school_year_start_of(now)
    rows = dashboard_schools(
        DashboardQuery(
            authority_ids=authority_ids,
            month=month,
            school_year_start=year,
            now=now,
            level=level or None,
            search=search or None,
            category=category or None,
            sort=sort or "ten",
        )
    )
    show_all = page == ALL_PAGES
    pages = max(1, -(-len(rows) // PAGE_SIZE))
    number = 1 if show_all else _page_number(page, pages)
    shown = rows if show_all else rows[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
    trend = trend_points(
        school_ids=[r.id for r in rows],
        shown_ids=[r.id for r in shown],
        school_year_start=year,
        now=now,
    )
    for row in shown:
        row.trend = trend.schools[row.id]
    statuses = rule_statuses(school_ids=[r.id for r in shown], school_year_start=year, now=now)
    keys = sorted(
        {key for found in statuses.values() for key in found}, key=lambda k: rule_order(*k)
    )
    columns = [
        RuleColumn(rs, rule, rule_short(rs, rule), rule_title(rs, rule)) for rs, rule in keys
    ]
    return DashboardPage(
        rows=shown,
        cells={r.id: _cells(statuses.get(r.id, {}), columns) for r in shown},
        columns=columns,
        total=len(rows),
        page=number,
        pages=pages,
        show_all=show_all,
        trend=trend.authority,
        category_counts=dict(Counter(r.category for r in rows)),
        month_key=month.key,
        school_year_start=year,
    )


def _page_number(value: str, pages: int) -> int:
    try:
        return min(max(int(value), 1), pages)
    except (TypeError, ValueError):
        return 1


def _cells(found: dict, columns: list[RuleColumn]) -> list[StatusCell]:
    cells = []
    for column in columns:
        status = found.get((column.ruleset, column.rule))
        if status is None:
            cells.append(StatusCell("none", "—", "không áp dụng"))
        else:
            cells.append(StatusCell(status, STATUS_SHORT[status], STATUS_VI[status]))
    return cells
