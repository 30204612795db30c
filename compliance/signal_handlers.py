"""Re-evaluate a school within seconds of a publication change, after the commit.

Connected in ComplianceConfig.ready(). The trigger is the page log entry Wagtail writes for a
publish, unpublish, delete, move, scheduled go-live or expiry, or a change of a view
restriction — not `page_published`, which Wagtail sends *before* it writes the log entry the
evidence reader needs (and the admin's publish is not one transaction, so a task queued from the
signal could run before the entry exists and store a result without the publish). The task is
queued on commit of the transaction that wrote the entry (immediately after it in autocommit),
so the worker always finds the entry and its revision. The task is sent with the school's schema
(the tenant-aware Celery app carries it). The request is first written to the outbox
(compliance/services/outbox.py): a broker failure is logged, never blocks publishing, and the
outbox's drain sends the request again once the broker is back. The same handler appends the
event to the school's hash-chained evidence history (compliance/services/evidence_chain.py), in
the transaction that saved the log entry.
"""

import logging

from django.db import connection
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Page, PageLogEntry

logger = logging.getLogger(__name__)


def _evaluate_after_commit() -> None:
    schema_name = connection.schema_name
    if schema_name == "public":
        return
    from compliance.services.outbox import evaluation_request

    evaluation_request(schema_name)


# Log actions that change what the public sees (compliance/evidence_reader.py reads the first
# five; a move changes URLs, a view restriction hides or shows pages).
TRIGGERS = frozenset(
    {
        "wagtail.publish",
        "wagtail.publish.scheduled",
        "wagtail.unpublish",
        "wagtail.unpublish.scheduled",
        "wagtail.delete",
        "wagtail.move",
        "wagtail.view_restriction.create",
        "wagtail.view_restriction.edit",
        "wagtail.view_restriction.delete",
    }
)


def on_page_log_entry(sender, instance, created, **kwargs):
    if not created or instance.action not in TRIGGERS:
        return
    if connection.schema_name != "public":
        from compliance.services.evidence_chain import evidence_entry_append

        evidence_entry_append(log_entry=instance)
    _evaluate_after_commit()


def on_page_delete(sender, instance, **kwargs):
    """Keep a deleted page's evidence (its revisions go with it), then re-evaluate."""
    if not isinstance(instance, Page) or connection.schema_name == "public":
        return
    from compliance.services.tombstones import evidence_tombstone_write

    if evidence_tombstone_write(page=instance):
        _evaluate_after_commit()


def on_calendar_change(sender, **kwargs):
    """A school's site labels weeks by its authority's calendar: forget the kept ones."""
    from sitepages.calendar import school_calendars_forget

    school_calendars_forget()


def on_school_delete(sender, instance, **kwargs):
    """A deleted school's chain head goes with it: a later school of the same schema name (or
    the school restored from its archive) starts its anchor again with its next publication."""
    from compliance.models import EvidenceChainHead

    EvidenceChainHead.objects.filter(schema_name=instance.schema_name).delete()


def on_school_provisioned(sender, school, **kwargs):
    """A new school's first evaluation, queued on commit: its sections went live in one insert
    of log entries (no `post_save` each), so without this only a school whose levels add a
    section published on its own (a preschool) was rated before the nightly sweep; the others
    read "chưa đánh giá" until the night."""
    from compliance.services.outbox import evaluation_request

    evaluation_request(school.schema_name)


def connect() -> None:
    from compliance.models import CalendarYear
    from tenants.models import School
    from tenants.signals import school_provisioned

    post_save.connect(on_calendar_change, sender=CalendarYear, dispatch_uid="compliance-cal")
    post_delete.connect(on_calendar_change, sender=CalendarYear, dispatch_uid="compliance-cal-d")
    post_save.connect(on_page_log_entry, sender=PageLogEntry, dispatch_uid="compliance-log")
    pre_delete.connect(on_page_delete, dispatch_uid="compliance-page-delete")
    post_delete.connect(on_school_delete, sender=School, dispatch_uid="compliance-school-delete")
    school_provisioned.connect(on_school_provisioned, dispatch_uid="compliance-school-new")
