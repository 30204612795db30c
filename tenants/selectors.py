"""Reads about authorities and schools (public schema)."""

from django.db.models.functions import Collate

from tenants.hosts import host_for_lookup
from tenants.models import Authority, Domain, School

# PostgreSQL's ICU collation for Vietnamese: "Điền" after "Diệu", before "Phong" (the database's
# default order put "Điền Hương" after "Phong Xuân").
VIETNAMESE_COLLATION = "vi-x-icu"


def vietnamese_order(field: str) -> Collate:
    """`field` in Vietnamese alphabetical order, for an ORM `order_by`."""
    return Collate(field, VIETNAMESE_COLLATION)


def school_for_host(hostname: str) -> School | None:
    """The school a host name serves, or None (the template has no domain, so never matches).

    Any case, a trailing dot or a port match the stored lower-case host."""
    domain = (
        Domain.objects.select_related("tenant")
        .filter(domain=host_for_lookup(hostname))
        .only(
            "tenant__schema_name",
            "tenant__name",
            "tenant__status",
            "tenant__code",
            "tenant__levels",
            "tenant__authority_id",
        )
        .first()
    )
    return domain.tenant if domain else None


def authority_for_host(hostname: str) -> Authority | None:
    """The authority whose portal a host name serves (matched like school hosts), or None."""
    return Authority.objects.filter(portal_domain=host_for_lookup(hostname)).first()


def authority_by_code(code: str) -> Authority | None:
    return Authority.objects.filter(code=code).first()


def school_by_schema_or_domain(value: str) -> School | None:
    """A school named the way people name it on the command line: schema, code or host."""
    school = School.objects.real().filter(schema_name=value).first()
    if school is None:
        school = School.objects.real().filter(code=value).first()
    if school is None:
        school = school_for_host(value)
    return school


def school_primary_host(school: School) -> str | None:
    """The school's primary host (else its first), or None. Reads the domains the caller
    prefetched (`prefetch_related("domains")`), so a loop over many schools costs no query each."""
    if "domains" in getattr(school, "_prefetched_objects_cache", {}):
        domains = list(school.domains.all())
        domain = min(domains, key=lambda d: (not d.is_primary, d.pk), default=None)
    else:
        domain = school.domains.filter(is_primary=True).first() or school.domains.first()
    return domain.domain if domain else None


def authority_and_descendant_ids(authority: Authority) -> list[int]:
    """The authority and every body under it (a province sees its districts' schools)."""
    ids, frontier = [authority.pk], [authority.pk]
    while frontier:
        frontier = list(
            Authority.objects.filter(parent_id__in=frontier).values_list("pk", flat=True)
        )
        ids.extend(frontier)
    return ids


def schools_of_authority(authority: Authority):
    """Schools overseen by the authority or a body under it, with their primary host."""
    from django.db.models import OuterRef, Subquery

    primary = Domain.objects.filter(tenant=OuterRef("pk"), is_primary=True).values("domain")[:1]
    return (
        School.objects.real()
        .filter(authority_id__in=authority_and_descendant_ids(authority))
        .select_related("authority")
        .annotate(host=Subquery(primary))
        .order_by(vietnamese_order("name"), "pk")
    )


def authorities_with_schools():
    from django.db.models import Count, Q

    return Authority.objects.annotate(
        school_count=Count("schools", filter=Q(schools__is_template=False))
    ).order_by(vietnamese_order("name"), "pk")
