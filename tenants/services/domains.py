"""More host names for a school: an alias (e.g. the `edu.vn` name beside the old one) serves
the same school; the primary host stays the one links are written with."""

from django.db import transaction
from django_tenants.utils import get_public_schema_name, schema_context

from tenants.models import Domain, School
from tenants.services.validation import SchoolInputError, host_for_new_site


def school_domain_add(*, school: School, host: str) -> Domain:
    """Add `host` (as a person wrote it) as an alias of `school`.

    Raises SchoolInputError({"domain": reason in Vietnamese}) when it is not a host name or is
    already used by a school, a portal or the platform."""
    with schema_context(get_public_schema_name()):
        stored, problem = host_for_new_site(host)
        if problem:
            raise SchoolInputError({"domain": problem})
        with transaction.atomic():
            return Domain.objects.create(domain=stored, tenant=school, is_primary=False)
