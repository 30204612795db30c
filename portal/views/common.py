"""What every portal page shares: the user's role and the workplace's current section in the
template context."""

from django.shortcuts import render

from portal.permissions import request_role

# The workplace's sub-menu (templates/portal/manage/_nav.html): which entry a page belongs to,
# by its URL name. Every page under /quan-ly/ extends templates/portal/manage/base.html, which
# shows the sub-menu with this entry marked current.
MANAGE_SECTIONS = {
    "manage": "schools",
    "manage_school": "schools",
    "manage_school_create": "create",
    "manage_import": "import",
    "manage_import_job": "import",
    "manage_users": "users",
    "manage_rules": "rules",
    "manage_calendar": "calendar",
    "messages": "messages",
    "report_admin_list": "reports",
}


def manage_section(request) -> str:
    """The sub-menu entry of the page `request` asks for ("" outside the workplace)."""
    match = getattr(request, "resolver_match", None)
    return MANAGE_SECTIONS.get(match.url_name, "") if match else ""


def portal_render(request, template: str, context: dict | None = None, *, status: int = 200):
    return render(
        request,
        template,
        {
            "portal_role": request_role(request),
            "manage_section": manage_section(request),
            **(context or {}),
        },
        status=status,
    )
