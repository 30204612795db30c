from django.apps import AppConfig


class RemindersConfig(AppConfig):
    """Reminders before deadlines, late alerts, weekly digests, who wants which, and the log of
    every message. Public schema."""

    name = "reminders"
    verbose_name = "Nhắc việc"
