"""Wagtail admin hooks of the compliance app. Wagtail's admin exists only on school hosts
(schoolhost/urls_tenant.py), so every admin home page is a school's."""

from wagtail import hooks

from compliance.admin_panel import CompliancePanel


@hooks.register("construct_homepage_panels")
def add_compliance_panel(request, panels):
    panels.append(CompliancePanel())
