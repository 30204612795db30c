"""What a deleted page proved, kept in the school's schema for the compliance engine.

Wagtail deletes a page's revisions with it; `compliance.services.tombstones` writes one row here
just before the deletion (signal handler in compliance), and `compliance.evidence_reader` reads
them back. The retention rule (disclosures stay online five years) needs to know what went.
"""

from django.db import models


class EvidenceTombstone(models.Model):
    page_id = models.IntegerField("trang", unique=True)
    items = models.JSONField("bằng chứng", default=list)
    deleted_at = models.DateTimeField("xóa lúc", db_index=True)

    class Meta:
        verbose_name = "bằng chứng của trang đã xóa"
        verbose_name_plural = "bằng chứng của trang đã xóa"
        ordering = ["deleted_at"]

    def __str__(self):
        return f"trang {self.page_id}, xóa lúc {self.deleted_at:%d/%m/%Y %H:%M}"


class EvidenceEntryQuerySet(models.QuerySet):
    """The chain is append-only: no bulk update or delete through the ORM."""

    def update(self, **kwargs):
        raise EvidenceChainAppendOnly("evidence entries are never updated")

    def delete(self):
        raise EvidenceChainAppendOnly("evidence entries are never deleted")


class EvidenceChainAppendOnly(RuntimeError):
    """An attempt to change or remove an entry of the evidence history."""


class EvidenceEntry(models.Model):
    """One publication event of the school, in an append-only, hash-chained history.

    Written by `compliance.services.evidence_chain.evidence_entry_append` when Wagtail saves the
    page log entry of a publish, scheduled go-live, unpublish, expiry or delete, in the same
    transaction. `seq` counts from 1 with no gap; `prev_hash` is the previous entry's `hash`
    ("" for the first); `hash` is SHA-256 (hex) over `prev_hash` and the canonical JSON of the
    other fields (`compliance.services.evidence_chain.entry_payload`). The migration adds a
    PostgreSQL trigger that refuses UPDATE, DELETE and TRUNCATE, so raw SQL cannot rewrite the
    history either; `manage.py verify_evidence` recomputes the chain and names the first broken
    link (a row changed with the trigger disabled, a row removed).
    """

    seq = models.PositiveBigIntegerField("thứ tự", unique=True)
    log_entry_id = models.BigIntegerField("mục nhật ký", null=True)
    action = models.CharField("hành động", max_length=64)
    page_id = models.IntegerField("trang", db_index=True)
    page_type = models.CharField("loại trang", max_length=100, blank=True)
    revision_id = models.IntegerField("phiên bản", null=True)
    period = models.JSONField("kỳ", default=dict)
    at = models.DateTimeField("thời điểm (UTC)")
    substance_sha256 = models.CharField("mã băm nội dung", max_length=64, blank=True)
    recorded_at = models.DateTimeField("ghi lúc (UTC)")
    prev_hash = models.CharField("mã băm mục trước", max_length=64, blank=True)
    hash = models.CharField("mã băm", max_length=64)

    objects = EvidenceEntryQuerySet.as_manager()

    class Meta:
        verbose_name = "mục lịch sử bằng chứng"
        verbose_name_plural = "lịch sử bằng chứng"
        ordering = ["seq"]

    def __str__(self):
        return f"#{self.seq} {self.action} trang {self.page_id} lúc {self.at:%d/%m/%Y %H:%M}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise EvidenceChainAppendOnly("evidence entries are never updated")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise EvidenceChainAppendOnly("evidence entries are never deleted")
