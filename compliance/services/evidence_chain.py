"""A school's evidence history as an append-only hash chain (sitepages.EvidenceEntry).

Every publication event Wagtail logs (publish, scheduled go-live, unpublish, expiry, delete) is
appended, in the transaction that saved the log entry, as one entry carrying the hash of the one
before it. `evidence_chain_verify` recomputes the chain and names the first broken link, so an
entry changed or removed behind the application's back (raw SQL with the table's trigger
disabled, a restored dump edited by hand) is found.

Shapes: an entry's hash is SHA-256 (64 hex digits) of `prev_hash` followed by the canonical
JSON (sorted keys, no spaces, UTF-8) of `entry_payload(entry)`; datetimes are UTC ISO 8601 with
microseconds. The first entry's `prev_hash` is "".

Removing the newest entries leaves a shorter chain that still holds together: each append also
records the chain's head (`seq`, `hash`) in the public schema (compliance.EvidenceChainHead), in
the same transaction, and a chain that ends before its head, or disagrees with it, is broken.
A school with no head yet (a copy of the template that has published nothing) is checked by
its links alone.

Must be called with the connection on the school's schema.
"""

import datetime as dt
import hashlib
import json
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import PageLogEntry

from compliance.evidence_reader import ACTIONS, evidence_specs, fields_of
from compliance.models import EvidenceChainHead
from sitepages.models import EvidenceEntry

HASH_MISMATCH = "hash"  # the entry's fields no longer give its hash: the entry was changed
PREV_MISMATCH = "prev_hash"  # the entry does not follow the one before it: that one was
# changed (and re-hashed) or removed
MISSING = "missing"  # the chain ends before the head recorded outside the school's schema
HEAD_MISMATCH = "head"  # the entry the head names has another hash: rewritten from there on


def canonical_json(value) -> bytes:
    """The one byte form hashed: sorted keys, no whitespace, UTF-8, non-JSON types as str."""
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str
    ).encode()


def _utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds")


def entry_payload(entry: EvidenceEntry) -> dict:
    """The fields an entry's hash covers (everything but `hash` and the row id)."""
    return {
        "seq": entry.seq,
        "log_entry_id": entry.log_entry_id,
        "action": entry.action,
        "page_id": entry.page_id,
        "page_type": entry.page_type,
        "revision_id": entry.revision_id,
        "period": entry.period,
        "at": _utc(entry.at),
        "substance_sha256": entry.substance_sha256,
        "recorded_at": _utc(entry.recorded_at),
    }


def entry_hash(*, payload: dict, prev_hash: str) -> str:
    return hashlib.sha256(prev_hash.encode() + canonical_json(payload)).hexdigest()


def evidence_entry_append(*, log_entry: PageLogEntry) -> EvidenceEntry | None:
    """Append the event `log_entry` records (None if it is no publication event).

    In the caller's transaction (a savepoint of it, or its own in autocommit). The table is
    locked in SHARE ROW EXCLUSIVE mode first: writers of one school's chain take turns until
    their transaction ends, so concurrent publications make one linear chain; readers are not
    blocked.
    """
    if log_entry.action not in ACTIONS:
        return None
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(f"LOCK TABLE {EvidenceEntry._meta.db_table} IN SHARE ROW EXCLUSIVE MODE")
        head = EvidenceEntry.objects.order_by("-seq").only("seq", "hash").first()
        model = ContentType.objects.get_for_id(log_entry.content_type_id).model_class()
        page_type = model.__name__ if model else ""
        content = log_entry.revision.content if log_entry.revision_id else None
        spec = evidence_specs().get(page_type)
        period = fields_of(content or {}, spec.period) if spec else {}
        entry = EvidenceEntry(
            seq=head.seq + 1 if head else 1,
            log_entry_id=log_entry.pk,
            action=log_entry.action,
            page_id=log_entry.page_id,
            page_type=page_type,
            revision_id=log_entry.revision_id,
            period=json.loads(canonical_json(period)),
            at=log_entry.timestamp,
            substance_sha256=(
                hashlib.sha256(canonical_json(content)).hexdigest() if content else ""
            ),
            recorded_at=timezone.now(),
            prev_hash=head.hash if head else "",
        )
        entry.hash = entry_hash(payload=entry_payload(entry), prev_hash=entry.prev_hash)
        entry.save()
        EvidenceChainHead.objects.update_or_create(
            schema_name=connection.schema_name,
            defaults={"seq": entry.seq, "hash": entry.hash, "updated_at": entry.recorded_at},
        )
    return entry


@dataclass(frozen=True)
class ChainBreak:
    """The first entry that does not verify: its number, moment (UTC) and which check failed."""

    seq: int
    at: dt.datetime
    reason: str  # HASH_MISMATCH or PREV_MISMATCH


@dataclass(frozen=True)
class ChainCheck:
    """How many entries verified from the first, the first break, and the recorded head."""

    count: int
    broken: ChainBreak | None
    head_seq: int | None = None

    @property
    def ok(self) -> bool:
        return self.broken is None


def evidence_chain_verify() -> ChainCheck:
    """Recompute the school's chain in `seq` order and compare it with its head; stops at the
    first broken link. The head is read first: the chain may have grown since, never shrunk."""
    head = EvidenceChainHead.objects.filter(schema_name=connection.schema_name).first()
    head_seq = head.seq if head else None
    prev_hash, count, at_head = "", 0, None
    for entry in EvidenceEntry.objects.order_by("seq").iterator(chunk_size=2000):
        if entry.prev_hash != prev_hash:
            return ChainCheck(count, ChainBreak(entry.seq, entry.at, PREV_MISMATCH), head_seq)
        if entry_hash(payload=entry_payload(entry), prev_hash=entry.prev_hash) != entry.hash:
            return ChainCheck(count, ChainBreak(entry.seq, entry.at, HASH_MISMATCH), head_seq)
        if head is not None and entry.seq == head.seq:
            at_head = entry
        prev_hash, count = entry.hash, count + 1
    if head is None:
        return ChainCheck(count, None, head_seq)
    if at_head is None:
        return ChainCheck(count, ChainBreak(count + 1, head.updated_at, MISSING), head_seq)
    if at_head.hash != head.hash:
        return ChainCheck(count, ChainBreak(at_head.seq, at_head.at, HEAD_MISMATCH), head_seq)
    return ChainCheck(count, None, head_seq)
