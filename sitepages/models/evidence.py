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
