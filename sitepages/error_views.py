"""Error pages of a school's host (400, 403, 404, 500, CSRF failure) in the school's own look.

The school's header, menu and footer come from the same chrome as every page (`site/base.html`),
so a parent who followed a dead link still sees whose site this is and where to go. A page that
cannot be drawn that way (the database is what failed) falls back to a plain page that needs
nothing but the template engine. Named by `handler400`… in `schoolhost/urls_tenant.py`;
`schoolhost/views.py` sends the CSRF failure of a school's host here. Never cached by the front
cache (it stores 200 responses only).
"""

import logging

from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

# status → (heading, what happened and what to do), in parents' words.
MESSAGES = {
    400: (
        _("Yêu cầu không hợp lệ"),
        _("Địa chỉ hoặc biểu mẫu gửi lên không đúng. Vui lòng quay lại trang trước và thử lại."),
    ),
    403: (
        _("Không có quyền xem trang này"),
        _("Trang này chỉ dành cho người được nhà trường cấp quyền."),
    ),
    404: (
        _("Không tìm thấy trang"),
        _(
            "Trang bạn tìm có thể đã được chuyển sang địa chỉ khác hoặc không còn nữa. "
            "Hãy tìm kiếm hoặc chọn một mục dưới đây."
        ),
    ),
    500: (
        _("Trang đang gặp sự cố"),
        _("Lỗi đã được ghi lại để bộ phận kỹ thuật xử lý. Vui lòng thử lại sau ít phút."),
    ),
}
CSRF_MESSAGE = (
    _("Biểu mẫu đã hết hạn"),
    _(
        "Vì lý do an toàn, biểu mẫu chỉ gửi được trong một thời gian và khi trình duyệt cho "
        "phép cookie của trang. Vui lòng tải lại trang, nhập lại và gửi lại."
    ),
)


def error_page(
    request,
    status: int,
    *,
    template: str,
    messages: dict[int, tuple],
    message: tuple | None = None,
    context: dict | None = None,
):
    """`template` rendered with status `status` and its (heading, text) from `messages` (or
    `message`); the plain error page when the template cannot be drawn (its header needs the
    database, and the database may be what failed). Shared with the portal's error pages."""
    heading, text = message or messages[status]
    context = {"status": status, "heading": heading, "text": text, **(context or {})}
    try:
        return render(request, template, context, status=status)
    except Exception:
        logger.exception("error page %s drawn without %s", status, template)
        return render(request, "errors/plain_error.html", context, status=status)


def school_error_response(request, status: int, *, message: tuple | None = None):
    """The error page with status `status` (400, 403, 404 or 500) in the school's look."""
    return error_page(
        request, status, template="sitepages/errors/error.html", messages=MESSAGES, message=message
    )


def bad_request(request, exception=None):
    return school_error_response(request, 400)


def permission_denied(request, exception=None):
    return school_error_response(request, 403)


def page_not_found(request, exception=None):
    return school_error_response(request, 404)


def server_error(request):
    return school_error_response(request, 500)


def csrf_failure(request, reason=""):
    return school_error_response(request, 403, message=CSRF_MESSAGE)
