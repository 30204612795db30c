"""Week tallies: each school's stored results added up per (month, week), for the dashboard.

The dashboard shows, for every school of a province, this month's and this school year's
on-time share, this month's late/missing/flagged counts and twelve weekly points. Reading
those from the results themselves aggregated every result of the school year on each view
(576,000 rows at 3,000 schools: 1.3 s, issue 15); the tallies hold the same sums, ~15 rows a
school, rewritten from the school's results whenever they change (`school_tallies_refresh`,
called by the evaluation in the same transaction). Only decided obligations count (on time,
late, missing: compliance.score), weighted as the score weighs them.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection

from compliance.models import ObligationResult, ObligationStatus, WeekTally
from compliance.score import sql_decided, sql_due, sql_met

_REFRESH_SQL = f"""
DELETE FROM {WeekTally._meta.db_table} WHERE school_id = ANY(%(schools)s);
INSERT INTO {WeekTally._meta.db_table}
    (school_id, month, week, met, due, late, missing, flagged)
SELECT r.school_id, r.month,
    date_trunc('week', r.due_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date,
    COALESCE({sql_met("r")}, 0), COALESCE({sql_due("r")}, 0),
    COUNT(*) FILTER (WHERE r.status = '{ObligationStatus.LATE.value}'),
    COUNT(*) FILTER (WHERE r.status = '{ObligationStatus.MISSING.value}'),
    -- obligations the authority should look at (compliance.presentation.flag_texts)
    COUNT(*) FILTER (WHERE r.flags <> '{{}}'::jsonb)
FROM {ObligationResult._meta.db_table} r
WHERE r.school_id = ANY(%(schools)s) AND {sql_decided("r")}
GROUP BY 1, 2, 3
"""


def school_tallies_refresh(school_ids: Iterable[int]) -> None:
    """Rewrite the week tallies of these schools (ids) from their stored results (a delete and
    an insert, two statements in one round trip). Call it inside the transaction that changed
    the results, so a reader sees old results with old tallies or new with new."""
    ids = list(school_ids)
    if not ids:
        return
    with connection.cursor() as cursor:
        cursor.execute(_REFRESH_SQL, {"schools": ids})
