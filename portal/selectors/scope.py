"""Which authorities and schools a portal host covers: its authority and every body under it."""

from tenants.models import Authority, School
from tenants.selectors import authority_and_descendant_ids, vietnamese_order


def authorities_in_scope(authority: Authority) -> list[Authority]:
    """The host's authority and the bodies under it, for the "authority" filter."""
    ids = authority_and_descendant_ids(authority)
    return list(Authority.objects.filter(pk__in=ids).order_by(vietnamese_order("name"), "pk"))


def scope_ids(authority: Authority, *, within: str | None = None) -> list[int]:
    """Authority ids to show: all in scope, or only `within` (a code) and the bodies under it
    when that body is itself in scope (an out-of-scope code shows nothing, never more)."""
    ids = authority_and_descendant_ids(authority)
    if not within:
        return ids
    chosen = Authority.objects.filter(code=within, pk__in=ids).first()
    return authority_and_descendant_ids(chosen) if chosen else []


def school_in_scope(authority: Authority, code: str) -> School | None:
    return (
        School.objects.real()
        .select_related("authority")
        .filter(code=code, authority_id__in=authority_and_descendant_ids(authority))
        .first()
    )
