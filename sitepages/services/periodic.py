"""`period_page_draft_get_or_create`: the "create this week's plan" button of the dashboard."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from wagtail.models import Page

from sitepages.period_kinds import PeriodKind
from sitepages.services.drafts import draft_create


class SectionMissing(LookupError):
    """The school's site has no section for that kind of page (e.g. no menu section)."""


@transaction.atomic
def period_page_draft_get_or_create(*, kind: PeriodKind, period, user=None) -> tuple[Page, bool]:
    """The page for `period` if the school has one (draft or live), else a new draft in the
    right section with the period filled in. Serialised on the section row, so a double click
    never makes two pages for one period."""
    parent = kind.parent_model.objects.select_for_update().order_by("path").first()
    if parent is None:
        raise SectionMissing(
            f"Website chưa có mục “{kind.parent_model._meta.verbose_name}” để tạo {kind.label}."
        )
    existing = kind.existing(period)
    if existing is not None:
        if user is not None and not existing.permissions_for_user(user).can_edit():
            raise PermissionDenied("Bạn không có quyền sửa trang này.")
        return existing, False
    page = kind.model(title=kind.title(period), **kind.new_page_values(period))
    return draft_create(parent=parent, page=page, user=user), True
