"""Every periodic task of every app, defined here and only here (times are Asia/Ho_Chi_Minh).

The project package holds them because they cross the apps (tenants, compliance, reports,
reminders) and name tasks only by string. `periodic_tasks_ensure()` writes them to
django-celery-beat's tables idempotently; `make migrate` runs it through
`manage.py setup_schedules`.
"""

from dataclasses import dataclass

LOCAL_TZ = "Asia/Ho_Chi_Minh"


@dataclass(frozen=True)
class Schedule:
    name: str
    task: str
    minute: str
    hour: str
    day_of_month: str = "*"
    why: str = ""
    day_of_week: str = "*"


SCHEDULES = [
    # Every 5 minutes: Wagtail's scheduled publishing and expiry, in the schools that have some
    # due (evidence counts from the moment the page actually went live).
    Schedule(
        "sites: publish scheduled pages",
        "tenants.publish_scheduled_everywhere",
        "*/5",
        "*",
        why="run publish_scheduled in each school with a due go-live or expiry",
    ),
    # Every minute: evaluations asked for by a publication whose send failed (Redis was down)
    # are sent again (compliance/services/outbox.py).
    Schedule(
        "compliance: evaluations waiting in the outbox",
        "compliance.evaluation_requests_drain",
        "*",
        "*",
        why="re-send evaluations that could not be queued",
    ),
    # Every 10 minutes: notices published while the broker was down reach their e-mail
    # subscribers (sitepages/subscriptions/sweep.py).
    Schedule(
        "sites: notices not yet sent to subscribers",
        "sitepages.subscriptions_sweep",
        "*/10",
        "*",
        why="send urgent notices and weekly plans whose send was never queued",
    ),
    # 00:01, 12:01 and 16:01 local: just after the letter's deadlines ("before day 1" at 00:00,
    # "Monday morning" read as 12:00, topical news by 16:00), so late items show at once.
    Schedule(
        "compliance: evaluate at deadlines",
        "compliance.evaluate_all_schools",
        "1",
        "0,12,16",
        why="re-evaluate every school right after each daily deadline",
    ),
    # 00:05 local on the 1st: the previous month's list for every authority (a draft until an
    # admin publishes it; exactly once per authority and month).
    Schedule(
        "reports: monthly report",
        "reports.monthly_reports_generate",
        "5",
        "0",
        day_of_month="1",
        why="previous month's report of every authority",
    ),
    # Every hour at :10 local: reminders whose time has come (Friday 08:00 for Monday items,
    # 3 days before monthly/annual ones) and alerts for items that just became late.
    Schedule(
        "reminders: reminders",
        "reminders.reminders_dispatch",
        "10",
        "*",
        why="deadline reminders and late alerts",
    ),
    # Mondays 07:00 local: last week's digest to each authority's admins.
    Schedule(
        "reminders: weekly digest",
        "reminders.digests_send_weekly",
        "0",
        "7",
        day_of_week="1",
        why="weekly digest to authority admins",
    ),
    # 00:02 local every night: rule-parameter changes an authority scheduled for today take
    # effect (their schools are then re-evaluated), before the night's evaluation.
    Schedule(
        "portal: scheduled rule changes",
        "portal.rule_changes_apply",
        "2",
        "0",
        why="apply the rule-parameter changes effective today",
    ),
    # 02:30 local every night: the full re-evaluation that catches everything else.
    Schedule(
        "compliance: nightly evaluation",
        "compliance.evaluate_all_schools",
        "30",
        "2",
        why="nightly re-evaluation of every school",
    ),
]


def periodic_tasks_ensure() -> list[str]:
    """Create or update the beat entries; returns their names."""
    from django_celery_beat.models import CrontabSchedule, PeriodicTask

    names = []
    for schedule in SCHEDULES:
        crontab, _ = CrontabSchedule.objects.get_or_create(
            minute=schedule.minute,
            hour=schedule.hour,
            day_of_month=schedule.day_of_month,
            month_of_year="*",
            # Written out: django-celery-beat's default `*` made the Monday digest daily.
            day_of_week=schedule.day_of_week,
            timezone=LOCAL_TZ,
        )
        PeriodicTask.objects.update_or_create(
            name=schedule.name,
            defaults={
                "task": schedule.task,
                "crontab": crontab,
                "enabled": True,
                "description": schedule.why,
            },
        )
        names.append(schedule.name)
    return names
