"""The dashboard: every school of an authority with its figures, in three SQL statements.

1. `dashboard_schools` — one statement over the filtered schools: this month's and this school
   year's weighted on-time share, this month's late/missing/flagged counts, the stored category
   and last publication. It reads the schools' week tallies (compliance.services.tallies: their
   results added up per month and week when they were stored, ~25 rows a school), not the
   results (issue 15: 576,000 result rows at 3,000 schools took 1.3 s a view).
2. `trend_points` — one statement over the same tallies: the weekly on-time share of the
   trend window for the authority (every school listed) and for each school on the page shown
   (returning every school's weeks cost ~80 ms of JSON decoding a view at 3,000 schools).
3. `rule_statuses` — one statement for the schools on the page shown: each rule's current
   status (its latest obligation fallen due, the worst one when several share that deadline;
   the next one coming only when nothing of that rule has fallen due yet).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from compliance.models import ObligationResult, ObligationStatus, SchoolEvaluation, WeekTally
from compliance.score import score_of
from reports.months import MonthKey, school_year_months
from tenants.models import Authority, School
from tenants.replica import read_connection
from tenants.schoolcalendar.localtime import LOCAL_TZ, local_date
from tenants.selectors import VIETNAMESE_COLLATION
from tenants.text import text_key

TREND_WEEKS = 12

SORTS = {
    "ten": f'sch.name COLLATE "{VIETNAMESE_COLLATION}", sch.id',
    "-ten": f'sch.name COLLATE "{VIETNAMESE_COLLATION}" DESC, sch.id',
    "diem-thang": "month_score ASC NULLS LAST, sch.id",
    "-diem-thang": "month_score DESC NULLS LAST, sch.id",
    "diem-nam": "year_score ASC NULLS LAST, sch.id",
    "-diem-nam": "year_score DESC NULLS LAST, sch.id",
    "tre": "late ASC, sch.id",
    "-tre": "late DESC, sch.id",
    "thieu": "missing ASC, sch.id",
    "-thieu": "missing DESC, sch.id",
    "dang-bai": "e.last_published_at ASC NULLS FIRST, sch.id",
    "-dang-bai": "e.last_published_at DESC NULLS LAST, sch.id",
}
DEFAULT_SORT = "ten"


@dataclass
class TrendPoint:
    week: dt.date  # the Monday
    met: float
    due: float

    @property
    def share(self) -> float | None:
        return score_of(self.met, self.due)


@dataclass
class SchoolRow:
    id: int
    name: str
    code: str
    levels: list[str]
    authority_name: str
    category: str
    last_published_at: dt.datetime | None
    evaluated_at: dt.datetime | None
    month_score: float | None
    year_score: float | None
    late: int
    missing: int
    # set for the schools on the page shown (`trend_points`)
    trend: list[TrendPoint] = field(default_factory=list)
    statuses: dict[tuple[str, str], str] = field(default_factory=dict)
    # this month's obligations carrying a flag (e.g. an urgent notice's backdated receipt)
    flagged: int = 0


@dataclass(frozen=True)
class DashboardQuery:
    authority_ids: list[int]
    month: MonthKey
    school_year_start: int
    now: dt.datetime
    level: str | None = None
    search: str | None = None
    category: str | None = None
    sort: str = DEFAULT_SORT


def trend_window(now: dt.datetime) -> tuple[dt.datetime, list[dt.date]]:
    """From the Monday TREND_WEEKS-1 weeks before this week (local), and those Mondays."""
    today = local_date(now)
    this_monday = today - dt.timedelta(days=today.weekday())
    mondays = [this_monday - dt.timedelta(weeks=n) for n in range(TREND_WEEKS - 1, -1, -1)]
    start = dt.datetime.combine(mondays[0], dt.time(0), tzinfo=LOCAL_TZ)
    return start, mondays


_SQL = """
WITH sch AS MATERIALIZED (
    SELECT s.id, s.name, s.code, s.levels, s.authority_id
    FROM {school} s
    WHERE NOT s.is_template AND s.authority_id = ANY(%(authorities)s) {filters}
),
agg AS MATERIALIZED (
    -- the schools' week tallies (compliance.services.tallies: their results added up per
    -- month and week, ~25 rows a school), read in one pass and grouped by school; joined to
    -- the school table itself (not the CTE) so that PostgreSQL knows how many schools there are
    SELECT t.school_id,
        SUM(t.met) FILTER (WHERE t.month = %(month)s) AS month_met,
        SUM(t.due) FILTER (WHERE t.month = %(month)s) AS month_due,
        SUM(t.met) AS year_met,
        SUM(t.due) AS year_due,
        SUM(t.late) FILTER (WHERE t.month = %(month)s) AS late,
        SUM(t.missing) FILTER (WHERE t.month = %(month)s) AS missing,
        SUM(t.flagged) FILTER (WHERE t.month = %(month)s) AS flagged
    FROM {tally} t JOIN {school} s ON s.id = t.school_id
    WHERE NOT s.is_template AND s.authority_id = ANY(%(authorities)s) {filters}
      AND t.month BETWEEN %(year_first)s AND %(year_last)s
    GROUP BY t.school_id
)
SELECT sch.id, sch.name, sch.code, sch.levels, a.name,
    COALESCE(NULLIF(e.month_category, ''), 'not_evaluated') AS category,
    e.last_published_at, e.evaluated_at,
    CASE WHEN agg.month_due > 0 THEN 100.0 * COALESCE(agg.month_met, 0) / agg.month_due END
        AS month_score,
    CASE WHEN agg.year_due > 0 THEN 100.0 * COALESCE(agg.year_met, 0) / agg.year_due END
        AS year_score,
    COALESCE(agg.late, 0) AS late, COALESCE(agg.missing, 0) AS missing,
    COALESCE(agg.flagged, 0) AS flagged
FROM sch
JOIN {authority} a ON a.id = sch.authority_id
LEFT JOIN {evaluation} e ON e.school_id = sch.id
LEFT JOIN agg ON agg.school_id = sch.id
{category_filter}
ORDER BY {order}
""".format(
    school=School._meta.db_table,
    tally=WeekTally._meta.db_table,
    authority=Authority._meta.db_table,
    evaluation=SchoolEvaluation._meta.db_table,
    order="{order}",
    filters="{filters}",
    category_filter="{category_filter}",
)
# Optional filters are added only when used: "(param IS NULL OR …)" would make PostgreSQL
# estimate one school and re-run the weekly aggregate once per school (measured: 8 s at 1,000).
_LEVEL = "AND %(level)s::text = ANY(s.levels)"
# A school's name matches when the words typed start words of the name, in order, ignoring
# tone marks, đ/d, case, NFC/NFD and tone placement ("hoa binh", "HOÀ BÌNH" → "THCS Hòa Bình";
# "hòa" does not find "Khoá Sơn"); its code matches as a substring.
_SEARCH = (
    "AND (lower(unaccent(s.name)) ~ %(search_words)s "
    "OR lower(s.code) LIKE '%%' || lower(%(search)s::text) || '%%')"
)
_CATEGORY = "WHERE COALESCE(NULLIF(e.month_category, ''), 'not_evaluated') = %(category)s::text"


def name_search_pattern(search: str) -> str:
    """A PostgreSQL regular expression over a folded name: each typed word starts a word, in
    order (`"Hoà  Bình"` → `\\mhoa\\W+binh`); one that matches nothing when no word is typed.
    Folded with `text_key`, so the pattern holds only a-z, 0-9 and the operators written here."""
    words = text_key(search).split()
    return r"\m" + r"\W+".join(words) if words else "a^"


def dashboard_schools(query: DashboardQuery) -> list[SchoolRow]:
    """Every school matching the filters, sorted, with its figures (no trend: `trend_points`)."""
    year_first, year_last = school_year_months(query.school_year_start)
    params = {
        "authorities": list(query.authority_ids),
        "level": query.level or None,
        "search": (query.search or "").strip() or None,
        "search_words": name_search_pattern(query.search or ""),
        "category": query.category or None,
        "month": query.month.key,
        "year_first": year_first,
        "year_last": year_last,
    }
    filters = " ".join(
        clause for clause, used in ((_LEVEL, params["level"]), (_SEARCH, params["search"])) if used
    )
    sql = (
        _SQL.replace("{order}", SORTS.get(query.sort, SORTS[DEFAULT_SORT]))
        .replace("{filters}", filters)
        .replace("{category_filter}", _CATEGORY if params["category"] else "")
    )
    with read_connection(ObligationResult).cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return [_school_row(row) for row in rows]


def _school_row(row) -> SchoolRow:
    (pk, name, code, levels, authority_name, category, last_published, evaluated,
     month_score, year_score, late, missing, flagged) = row  # fmt: skip
    return SchoolRow(
        id=pk,
        name=name,
        code=code,
        levels=list(levels or []),
        authority_name=authority_name,
        category=category,
        last_published_at=last_published,
        evaluated_at=evaluated,
        month_score=None if month_score is None else round(float(month_score), 1),
        year_score=None if year_score is None else round(float(year_score), 1),
        late=late,
        missing=missing,
        flagged=flagged,
    )


# The trend window's week tallies of the schools listed, added up per week: per school for the
# schools on the page shown, all the others together (the authority's trend adds every group).
_TREND_SQL = f"""
SELECT t.week, CASE WHEN t.school_id = ANY(%(shown)s) THEN t.school_id END, SUM(t.met), SUM(t.due)
FROM {WeekTally._meta.db_table} t
WHERE t.school_id = ANY(%(schools)s) AND t.month BETWEEN %(year_first)s AND %(year_last)s
  AND t.week >= %(trend_from)s AND t.week < %(trend_to)s
GROUP BY 1, 2
"""


@dataclass(frozen=True)
class Trend:
    authority: list[TrendPoint]  # every school listed, week by week
    schools: dict[int, list[TrendPoint]]  # school id → its weeks (the schools asked for)


def trend_points(
    *, school_ids: list[int], shown_ids: list[int], school_year_start: int, now: dt.datetime
) -> Trend:
    """The weekly on-time share of the trend window (the TREND_WEEKS weeks up to this one,
    local Mondays, this school year's obligations only), one statement: the authority's from
    every school of `school_ids` (the schools listed), and each of `shown_ids`' own. A week
    with nothing due has no share; a week that spans two months is one point."""
    year_first, year_last = school_year_months(school_year_start)
    _, mondays = trend_window(now)
    met: dict[tuple, float] = defaultdict(float)
    due: dict[tuple, float] = defaultdict(float)
    if school_ids:
        with read_connection(WeekTally).cursor() as cursor:
            cursor.execute(
                _TREND_SQL,
                {
                    "schools": list(school_ids),
                    "shown": list(shown_ids),
                    "year_first": year_first,
                    "year_last": year_last,
                    "trend_from": mondays[0],
                    "trend_to": mondays[-1] + dt.timedelta(weeks=1),
                },
            )
            for week, school_id, week_met, week_due in cursor.fetchall():
                # every group counts for the authority; a shown school's also for itself
                for owner in {None, school_id}:
                    met[(owner, week)] += week_met
                    due[(owner, week)] += week_due

    def points(school_id):
        return [TrendPoint(m, met[(school_id, m)], due[(school_id, m)]) for m in mondays]

    return Trend(authority=points(None), schools={pk: points(pk) for pk in shown_ids})


_S = ObligationStatus
# Per (school, rule): the latest obligation whose deadline has passed (the worst when several
# share it); only when none has, the next one coming. A week published early never hides the
# missed week before it.
_STATUS_SQL = f"""
SELECT DISTINCT ON (school_id, ruleset, rule) school_id, ruleset, rule, status
FROM {ObligationResult._meta.db_table}
WHERE school_id = ANY(%(schools)s) AND month BETWEEN %(year_first)s AND %(year_last)s
  AND status IN ('{_S.ON_TIME.value}', '{_S.LATE.value}', '{_S.MISSING.value}', '{_S.PENDING.value}')
ORDER BY school_id, ruleset, rule,
    (due_at <= %(now)s) DESC NULLS LAST,
    CASE WHEN due_at <= %(now)s THEN due_at END DESC NULLS LAST,
    due_at ASC NULLS LAST,
    CASE status WHEN '{_S.MISSING.value}' THEN 0 WHEN '{_S.LATE.value}' THEN 1
        WHEN '{_S.ON_TIME.value}' THEN 2 ELSE 3 END
"""


def rule_statuses(
    *, school_ids: list[int], school_year_start: int, now: dt.datetime
) -> dict[int, dict]:
    """{school id: {(ruleset, rule): status}} for the given schools (one statement): the status
    of each rule's latest period that has fallen due by `now` (the dashboard's legend)."""
    if not school_ids:
        return {}
    year_first, year_last = school_year_months(school_year_start)
    with read_connection(ObligationResult).cursor() as cursor:
        cursor.execute(
            _STATUS_SQL,
            {
                "schools": list(school_ids),
                "year_first": year_first,
                "year_last": year_last,
                "now": now,
            },
        )
        found: dict[int, dict] = defaultdict(dict)
        for school_id, ruleset, rule, status in cursor.fetchall():
            found[school_id][(ruleset, rule)] = status
    return found
