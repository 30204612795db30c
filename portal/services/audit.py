"""The workplace's audit trail: every change made on /quan-ly/ leaves one `AuditEntry`."""

from portal.models import AuditEntry
from tenants.models import Authority


def audit_record(
    *,
    authority: Authority,
    actor: str,
    action: str,
    target: str = "",
    reason: str = "",
    before: dict | None = None,
    after: dict | None = None,
) -> AuditEntry:
    """Record one change (call it inside the change's transaction)."""
    return AuditEntry.objects.create(
        authority=authority,
        actor=actor,
        action=action,
        target=target[:255],
        reason=reason,
        before=before or {},
        after=after or {},
    )
