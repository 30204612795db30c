"""`{{ entry|audit_change }}`: an audit entry's before/after in words (portal/audit_text.py)."""

from django import template

from portal.audit_text import audit_change_text

register = template.Library()


@register.filter
def audit_change(entry) -> str:
    return audit_change_text(entry)
