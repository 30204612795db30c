"""Evaluations asked for and not yet done, kept in PostgreSQL (the outbox).

A publication's evaluation is sent to Celery through Redis. With Redis down the send fails, and
the nightly sweep would be the next to notice the publication: hours of a stale verdict. So the
request is first written here, by the same database that holds the publication, and removed
only once an evaluation has run; a periodic drain re-sends what is older than a minute.
"""

from django.db import models


class EvaluationRequest(models.Model):
    """One school to re-evaluate: at most one row per school, `requested_at` (UTC) the newest."""

    schema_name = models.CharField(max_length=63, unique=True)
    requested_at = models.DateTimeField(db_index=True)

    def __str__(self):
        return f"{self.schema_name} since {self.requested_at:%Y-%m-%d %H:%M:%S}"
