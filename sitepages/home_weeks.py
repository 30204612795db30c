"""Which week the home page shows: parents look ahead at the weekend.

From Friday 12:00 (local time, Asia/Ho_Chi_Minh) through Sunday the home page leads with the
coming week, whose plan and schedule the school publishes by Monday morning (Phong Điền letter,
08/02/2015), and keeps the ending week folded below it; from Monday to Friday morning it shows the
current week only. Pure: the clock is an argument.
"""

import datetime as dt

COMING_WEEK_FROM_WEEKDAY = 4  # Friday
COMING_WEEK_FROM_TIME = dt.time(12, 0)


def weeks_shown(local_now: dt.datetime) -> tuple[dt.date, dt.date | None]:
    """(Monday of the week shown first, Monday of the week shown folded, or None).

    `local_now` is a naive or aware datetime already in local time.
    """
    today = local_now.date()
    monday = today - dt.timedelta(days=today.weekday())
    weekday = today.weekday()
    looking_ahead = weekday > COMING_WEEK_FROM_WEEKDAY or (
        weekday == COMING_WEEK_FROM_WEEKDAY and local_now.time() >= COMING_WEEK_FROM_TIME
    )
    if looking_ahead:
        return monday + dt.timedelta(days=7), monday
    return monday, None
