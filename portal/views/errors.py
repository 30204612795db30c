"""Error pages of the public hosts (an authority's portal, the platform's own host) in the portal's
look: 400, 403, 404, 500 and the CSRF failure (the login and every form post here).

Named by `handler400`… in `schoolhost/urls_public.py`; `schoolhost/views.py` sends the CSRF
failure of a public host here. Drawn, with the plain page as fallback, by the schools' own
`error_page` (sitepages/error_views.py); only the words and the template are the portal's.
"""

from django.utils.translation import gettext_lazy as _

from sitepages.error_views import CSRF_MESSAGE, error_page

MESSAGES = {
    400: (
        _("Yêu cầu không hợp lệ"),
        _("Địa chỉ hoặc biểu mẫu gửi lên không đúng. Vui lòng quay lại trang trước và thử lại."),
    ),
    403: (
        _("Không có quyền"),
        _("Tài khoản của bạn không được xem trang này. Hãy đăng nhập bằng tài khoản phù hợp."),
    ),
    404: (
        _("Không tìm thấy trang"),
        _("Trang bạn tìm có thể đã được chuyển sang địa chỉ khác hoặc không còn nữa."),
    ),
    500: (
        _("Hệ thống đang gặp sự cố"),
        _("Lỗi đã được ghi lại để bộ phận kỹ thuật xử lý. Vui lòng thử lại sau ít phút."),
    ),
}


def portal_error_response(request, status: int, *, message: tuple | None = None):
    base = (
        "portal/base.html" if getattr(request, "authority", None) else "portal/platform_base.html"
    )
    return error_page(
        request,
        status,
        template="portal/error.html",
        messages=MESSAGES,
        message=message,
        context={"base_template": base},
    )


def bad_request(request, exception=None):
    return portal_error_response(request, 400)


def permission_denied(request, exception=None):
    return portal_error_response(request, 403)


def page_not_found(request, exception=None):
    return portal_error_response(request, 404)


def server_error(request):
    return portal_error_response(request, 500)


def csrf_failure(request, reason=""):
    return portal_error_response(request, 403, message=CSRF_MESSAGE)
