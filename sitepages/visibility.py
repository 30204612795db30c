"""Which pages the public may see listed: live and not behind a view restriction.

A page behind a password, a login or a group restriction (its own or an ancestor's) is not
public: its title must not appear in listings, feeds, menus or search, and it is no compliance
evidence (compliance/evidence_reader.py uses the same condition).
"""

from django.db.models import Q
from wagtail.models import PageViewRestriction


def unrestricted_q() -> Q:
    """A `Q` on `Page` paths that leaves out every restricted page and its descendants."""
    condition = Q()
    for path in PageViewRestriction.objects.values_list("page__path", flat=True):
        condition &= ~Q(path__startswith=path)
    return condition


def restricted_q() -> Q:
    """The restricted pages and their descendants (the complement of `unrestricted_q`)."""
    condition = Q(pk__in=[])
    for path in PageViewRestriction.objects.values_list("page__path", flat=True):
        condition |= Q(path__startswith=path)
    return condition
