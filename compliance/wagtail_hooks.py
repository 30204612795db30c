"""Wagtail admin hooks of the compliance app (school admins only: the public schema has no
Wagtail admin)."""

from wagtail import hooks

from compliance.admin_panel import CompliancePanel


@hooks.register("construct_homepage_panels")
def add_compliance_panel(request, panels):
    if getattr(getattr(request, "tenant", None), "schema_name", "public") != "public":
        panels.append(CompliancePanel())
