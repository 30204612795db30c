"""Keep a deleted evidence page's history: Wagtail deletes its revisions with it, and the
retention rule (disclosure content must stay online five years) needs to know what went."""

from django.utils import timezone

from compliance.evidence_reader import (
    DELETE,
    evidence_items_to_json,
    evidence_specs,
    items_from_history,
    page_events,
    pages_created_at,
)
from sitepages.models import EvidenceTombstone


def evidence_tombstone_write(*, page) -> bool:
    """Record the evidence items of a page about to be deleted; False if it is no evidence."""
    page_type = page.specific_class.__name__ if page.specific_class else ""
    if page_type not in evidence_specs():
        return False
    if EvidenceTombstone.objects.filter(page_id=page.pk).exists():
        return True
    now = timezone.now()
    events = [*page_events(page_ids=[page.pk]).get(page.pk, []), (now, DELETE, None)]
    created = pages_created_at(page_ids=[page.pk]).get(page.pk)
    items = items_from_history(
        page_id=page.pk,
        page_type=page_type,
        title=page.title,
        url="",
        events=events,
        created_at=created,
    )
    EvidenceTombstone.objects.create(
        page_id=page.pk, items=evidence_items_to_json(items), deleted_at=now
    )
    return True
