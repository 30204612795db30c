"""Reminders before deadlines, alerts when an item becomes late, and the authorities' weekly
digest: computed from the stored results, sent by Celery, logged once per message."""
