"""The school site that `tenants` provisions, built here (tenants/site_builder.py says why a
setting, `SCHOOL_SITE_BUILDER`, points at this class instead of tenants importing sitepages)."""

from django.contrib.auth.models import Group
from wagtail.models import Site

from sitepages.roles import PRINCIPAL_GROUP
from sitepages.sections import SECTION_TREE_VERSION, home_page_ensure, section_tree_ensure


class SchoolSiteBuilder:
    version = str(SECTION_TREE_VERSION)

    def template_build(self, *, hostname: str) -> None:
        home = home_page_ensure(title="Trang chủ", hostname=hostname)
        section_tree_ensure(home=home, levels=[])

    def school_build(self, *, school, hostname: str, port: int) -> None:
        home = home_page_ensure(
            title=school.name, hostname=hostname, site_name=school.name, port=port
        )
        # The template's home carries the roles and the workflow (template_build), and the
        # school's home is that page: only sections for the school's levels may be missing.
        section_tree_ensure(
            home=home, levels=school.levels, serves_meals=school.serves_meals, roles=False
        )

    def principal_grant(self, user) -> None:
        group = Group.objects.filter(name=PRINCIPAL_GROUP).first()
        if group:
            user.groups.add(group)

    def site_rehost(self, *, hostname: str, port: int) -> None:
        Site.objects.filter(is_default_site=True).update(hostname=hostname, port=port)
