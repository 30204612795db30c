"""The safety net for a send that was never queued: a notice published while the broker was
down (the publish itself never waits for it, `page_subscribers_schedule` only logs).

Every 10 minutes (`schoolhost/schedules.py`) the public-schema task asks PostgreSQL, in a few
batched queries, which schools have subscribers and an urgent notice or a current weekly plan
published in the last `SWEEP_WINDOW`; a task per such school sends what its subscribers have
not had (`page_subscribers_notify` is idempotent, so a page the publish's own task already
sent costs one query). Only subscribers confirmed before the page's publication get it: a
parent who subscribes today is not sent yesterday's notice.
"""

import datetime as dt

from django.db import connection
from django.utils import timezone

from sitepages.calendar import monday_of
from sitepages.models import NewsKind, NewsPage, WeeklyPlanPage

BATCH = 200
SWEEP_WINDOW = dt.timedelta(hours=24)


def schemas_with_recent_notices(schema_names: list[str], *, now: dt.datetime) -> list[str]:
    """The schools (of `schema_names`) with at least one subscriber and a notice page
    published since `now - SWEEP_WINDOW`."""
    since, monday = now - SWEEP_WINDOW, monday_of(timezone.localtime(now).date())
    found: list[str] = []
    with connection.cursor() as cursor:
        for start in range(0, len(schema_names), BATCH):
            selects, params = [], []
            for name in schema_names[start : start + BATCH]:
                s = connection.ops.quote_name(name)
                selects.append(
                    f"SELECT %s WHERE EXISTS (SELECT 1 FROM {s}.sitepages_subscriber) AND ("
                    f"EXISTS (SELECT 1 FROM {s}.wagtailcore_page p JOIN {s}.sitepages_newspage n"
                    " ON n.page_ptr_id = p.id WHERE p.live AND n.kind = %s"
                    " AND p.last_published_at >= %s)"
                    f" OR EXISTS (SELECT 1 FROM {s}.wagtailcore_page p"
                    f" JOIN {s}.sitepages_weeklyplanpage w ON w.page_ptr_id = p.id"
                    " WHERE p.live AND p.last_published_at >= %s AND w.week_start >= %s))"
                )
                params += [name, NewsKind.URGENT.value, since, since, monday]
            cursor.execute(" UNION ALL ".join(selects), params)
            found.extend(row[0] for row in cursor.fetchall())
    return found


def recent_notice_page_ids(*, now: dt.datetime) -> list[int]:
    """In the active school: the notice pages published since `now - SWEEP_WINDOW`."""
    since = now - SWEEP_WINDOW
    urgent = NewsPage.objects.live().filter(kind=NewsKind.URGENT, last_published_at__gte=since)
    plans = WeeklyPlanPage.objects.live().filter(
        last_published_at__gte=since, week_start__gte=monday_of(timezone.localtime(now).date())
    )
    return sorted([*urgent.values_list("pk", flat=True), *plans.values_list("pk", flat=True)])
