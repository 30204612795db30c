"""Required sections cannot be deleted, moved or unpublished by editors.

The rule (`protection_problem`) is used by the admin hooks in `wagtail_hooks.py`: single-page
views (`before_delete_page`, `before_move_page`, `before_unpublish_page`) and bulk actions
(`before_bulk_action`) answer with a clear message instead of acting; the explorer's and the
editor's buttons for those actions are hidden on protected pages. Content under a section is
not protected: editors add, move and delete it as usual.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme

from sitepages.sections import is_required_section

ACTION_VERBS = {"delete": "xóa", "move": "di chuyển", "unpublish": "ngừng xuất bản"}


def protection_problem(page, action: str) -> str | None:
    """Why `action` is refused on `page`, or None when it is allowed."""
    if action not in ACTION_VERBS or not is_required_section(page):
        return None
    verb = ACTION_VERBS[action]
    if page.depth == 2:
        return f"Không thể {verb} trang chủ “{page.title}”: đây là gốc của website nhà trường."
    return (
        f"Không thể {verb} mục “{page.title}”: đây là mục bắt buộc của website nhà trường "
        "theo quy định. Bạn vẫn có thể thêm, sửa và xuất bản nội dung bên trong mục này."
    )


def refusal_response(request, pages, action: str):
    """A redirect carrying the reasons, or None when every page may be acted on."""
    problems = [problem for page in pages if (problem := protection_problem(page, action))]
    if not problems:
        return None
    for problem in problems:
        messages.error(request, problem)
    back = request.GET.get("next") or request.META.get("HTTP_REFERER", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = ""
    if back:
        return redirect(back)
    parent = pages[0].get_parent()
    return redirect("wagtailadmin_explore", parent.id if parent else pages[0].id)
