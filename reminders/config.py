"""Reminder settings: `COMPLIANCE_REMINDERS` in the Django settings overrides these defaults.

- WEEKLY_WEEKDAY / WEEKLY_HOUR: items of a week (due on its Monday, or a menu before its
  Saturday) are announced from the Friday before, 08:00 local (Monday = 0, Friday = 4).
- DAYS_BEFORE: monthly, semester and annual items are announced 3 days before their deadline.
- LATE_WINDOW_DAYS: an item that fell due in the last 7 days and is missing or was published
  late gets one alert; older history (e.g. on the first deployment) does not flood inboxes.
- MAX_ATTEMPTS: a message that failed this often is left as "failed" in the log.
- GROUPS: the groups (in a school's schema) whose members with an address get reminders: the
  school site's editor and principal roles (sitepages.roles; the stock Wagtail groups are
  removed from every school by sitepages' migration 0003).
"""

from django.conf import settings

from sitepages.roles import EDITOR_GROUP, PRINCIPAL_GROUP

DEFAULTS = {
    "WEEKLY_WEEKDAY": 4,
    "WEEKLY_HOUR": 8,
    "DAYS_BEFORE": 3,
    "LATE_WINDOW_DAYS": 7,
    "MAX_ATTEMPTS": 6,
    "GROUPS": (EDITOR_GROUP, PRINCIPAL_GROUP),
}


def reminder_settings() -> dict:
    return {**DEFAULTS, **getattr(settings, "COMPLIANCE_REMINDERS", {})}
