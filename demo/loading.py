"""Load the demo through the real services (idempotent: existing schools are kept)."""

from django.contrib.auth import get_user_model
from django_tenants.utils import schema_context

from tenants.models import Authority, Domain
from tenants.services.authorities import authority_create
from tenants.services.provisioning import school_provision

from .data import (
    DEMO_AUTHORITY_USERS,
    DEMO_COMMUNES,
    DEMO_PASSWORD,
    DEMO_PROVINCE,
    DEMO_SCHOOLS,
)


def _authority(spec: dict, parent: Authority | None = None) -> Authority:
    existing = Authority.objects.filter(code=spec["code"]).first()
    if existing:
        return existing
    if parent is None and spec["kind"] != "province":
        raise ValueError("a commune needs its province")
    return authority_create(
        code=spec["code"],
        name=spec["name"],
        kind=spec["kind"],
        parent_code=parent.code if parent else None,
        portal_domain=spec["portal_domain"],
    )


def demo_load(*, log=print, schools=DEMO_SCHOOLS) -> dict:
    """Create the province, its communes/wards and their schools; return the logins."""
    province = _authority(DEMO_PROVINCE)
    communes = {spec["code"]: _authority(spec, parent=province) for spec in DEMO_COMMUNES}
    logins = []
    for name, levels, host, serves_meals, commune in schools:
        email = f"hieutruong@{host.split('.')[0]}.edu.vn"
        domain = Domain.objects.filter(domain=host).select_related("tenant").first()
        if domain:
            school = domain.tenant
        else:
            created = school_provision(
                authority=communes[commune],
                name=name,
                levels=levels,
                domain=host,
                principal_email=email,
                serves_meals=serves_meals,
            )
            school = created.school
            log(f"  created {name} ({created.source}, {created.seconds:.2f} s)")
        with schema_context(school.schema_name):
            user = get_user_model().objects.filter(email=email).first()
            if user and not user.has_usable_password():
                user.set_password(DEMO_PASSWORD)
                user.save(update_fields=["password"])
        logins.append((name, host, email, communes[commune]))
        if domain and _files_elsewhere(school):
            log(
                f"  WARNING: {name} was loaded earlier from another checkout: its photos and files "
                "are not in this checkout's media folder. For a complete demo, use a database "
                "of this checkout's own: SCHOOLHOST_DB_NAME=schoolhost_demo2 make demo"
            )
    portal_logins = _authority_users()
    return {
        "authority": communes[DEMO_COMMUNES[0]["code"]],
        "province": province,
        "communes": list(communes.values()),
        "logins": logins,
        "portal_logins": portal_logins,
    }


def _authority_users() -> list[tuple[str, str, str]]:
    from portal.services import authority_user_create

    made = []
    for code, email, role in DEMO_AUTHORITY_USERS:
        authority = Authority.objects.get(code=code)
        authority_user_create(authority=authority, email=email, role=role, password=DEMO_PASSWORD)
        made.append((authority.portal_domain, email, role))
    return made


def _files_elsewhere(school) -> bool:
    """True when the school's images are in its database but not in this MEDIA_ROOT: the demo
    database was filled from another checkout (its var/media), so photos would show broken."""
    from wagtail.images import get_image_model

    with schema_context(school.schema_name):
        image = get_image_model().objects.order_by("pk").first()
        return image is not None and not image.file.storage.exists(image.file.name)
