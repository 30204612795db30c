"""Create a page as a draft, the way Wagtail's own create view does (revision + log entry)."""

from django.core.exceptions import PermissionDenied
from wagtail.log_actions import log
from wagtail.models import Page

from sitepages.slugs import ascii_slug


def unique_child_slug(parent: Page, base: str) -> str:
    base = ascii_slug(base) or "trang"
    taken = set(parent.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def page_add_checked(*, parent: Page, page: Page, user=None) -> None:
    """Refuse what the admin would refuse: a page type not allowed here, or no permission."""
    if not type(page).can_create_at(parent):
        raise PermissionDenied(
            f"Không thể tạo {type(page)._meta.verbose_name} trong mục “{parent.title}”."
        )
    if user is not None and not parent.permissions_for_user(user).can_add_subpage():
        raise PermissionDenied(f"Bạn không có quyền thêm trang vào mục “{parent.title}”.")


def draft_create(*, parent: Page, page: Page, user=None) -> Page:
    """Add `page` under `parent` as an unpublished draft owned by `user`; caller holds the
    transaction."""
    page_add_checked(parent=parent, page=page, user=user)
    page.live = False
    page.owner = user
    if not page.slug:
        page.slug = unique_child_slug(parent, page.title)
    parent.add_child(instance=page)
    page.save_revision(user=user, log_action=False)
    log(instance=page, action="wagtail.create", user=user)
    return page
