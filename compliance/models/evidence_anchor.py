"""The newest link of each school's evidence chain, kept outside the school's schema.

A school's evidence history (sitepages.EvidenceEntry, in its own schema) is hash-chained, so
changing or removing an entry breaks the link after it — but removing the newest entries
leaves a shorter chain that still holds together. This row, written in the same transaction as
every append, says how long the chain was and what its last hash was; `verify_evidence` reports
a chain that ends before it (compliance/services/evidence_chain.py).
"""

from django.db import models


class EvidenceChainHead(models.Model):
    """One school's chain head: `seq` and `hash` of its newest entry, `updated_at` (UTC)."""

    schema_name = models.CharField(max_length=63, unique=True)
    seq = models.PositiveBigIntegerField()
    hash = models.CharField(max_length=64)
    updated_at = models.DateTimeField()

    def __str__(self):
        return f"{self.schema_name} #{self.seq}"
