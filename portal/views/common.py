"""What every portal page shares: the user's role in the template context."""

from django.shortcuts import render

from portal.permissions import request_role


def portal_render(request, template: str, context: dict | None = None, *, status: int = 200):
    return render(
        request,
        template,
        {"portal_role": request_role(request), **(context or {})},
        status=status,
    )
