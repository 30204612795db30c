"""The Content-Security-Policy of every response (django-csp), one exception for Wagtail's admin.

The policy itself is `CONTENT_SECURITY_POLICY` in settings: scripts from our own origin only.
Wagtail 8's admin still writes inline `<script>` elements (date pickers, inline panels, the
page explorer, the user listing) and its jQuery evaluates scripts in HTML it loads
(wagtail/wagtail#1288, #7053; the same choice as mozilla/kitsune#6052). Behind the admin's
login, pages therefore also allow inline scripts; the login and password-reset pages, which
anyone can reach, keep the strict policy (they run without violations, checked in chromium by
tests/security/test_admin_csp.py). Nothing else is relaxed: no eval, no other origins, no
plugins, no framing by other sites.

A view that writes its own, stricter policy keeps it (Wagtail's document view sends
`default-src 'none'`); `frame-ancestors` is added to it when missing, since `default-src` does
not cover framing.
"""

from csp.constants import HEADER, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts

ADMIN_PREFIX = "/admin/"
STRICT_ADMIN_PATHS = ("/admin/login/", "/admin/password_reset/", "/admin/logout/")


def admin_needs_inline_scripts(path: str) -> bool:
    return path.startswith(ADMIN_PREFIX) and not path.startswith(STRICT_ADMIN_PATHS)


class SchoolhostCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if admin_needs_inline_scripts(request.path):
            update = dict(parts.update or {})
            update["script-src"] = [*update.get("script-src", []), UNSAFE_INLINE]
            parts.update = update
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        policy = response.get(HEADER)
        if policy and "frame-ancestors" not in policy:
            response[HEADER] = f"{policy}; frame-ancestors 'self'"
        return response
