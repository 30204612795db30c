"""Which pages the public may see listed: live and not behind a view restriction.

A page behind a password, a login or a group restriction (its own or an ancestor's) is not
public: its title must not appear in listings, feeds, menus or search, and it is no compliance
evidence (compliance/evidence_reader.py uses the same condition). The condition is a subquery
(a restriction whose page's path starts this page's path), so it adds no query of its own.
"""

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from wagtail.models import PageViewRestriction


def _restriction_above():
    return Exists(
        PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("path"), 1, Length("page__path"))
        )
    )


def unrestricted_q() -> Q:
    """A `Q` on pages that leaves out every restricted page and its descendants."""
    return ~Q(_restriction_above())


def restricted_q() -> Q:
    """The restricted pages and their descendants (the complement of `unrestricted_q`)."""
    return Q(_restriction_above())
