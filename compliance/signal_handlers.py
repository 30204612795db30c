"""Re-evaluate a school within seconds of a publication change, after the commit.

Connected in ComplianceConfig.ready(). The request is written to the outbox in the publish's
database (compliance/services/outbox.py) and the task sent after the commit with the school's
schema (the tenant-aware Celery app carries it); a broker failure is logged, never blocks
publishing, and the outbox's drain sends the request again once the broker is back.
"""

import logging

from django.db import connection
from django.db.models.signals import pre_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

logger = logging.getLogger(__name__)


def _evaluate_after_commit() -> None:
    schema_name = connection.schema_name
    if schema_name == "public":
        return
    from compliance.services.outbox import evaluation_request

    evaluation_request(schema_name)


def on_publication_change(sender, instance, **kwargs):
    _evaluate_after_commit()


def on_page_delete(sender, instance, **kwargs):
    """Keep a deleted page's evidence (its revisions go with it), then re-evaluate."""
    if not isinstance(instance, Page) or connection.schema_name == "public":
        return
    from compliance.services.tombstones import evidence_tombstone_write

    if evidence_tombstone_write(page=instance):
        _evaluate_after_commit()


def connect() -> None:
    page_published.connect(on_publication_change, dispatch_uid="compliance-published")
    page_unpublished.connect(on_publication_change, dispatch_uid="compliance-unpublished")
    pre_delete.connect(on_page_delete, dispatch_uid="compliance-page-delete")
