"""A new account of a school's admin gets an invitation, never a password typed by someone else.

When a principal (or an operator) adds an editor in the school's admin, the account is made
without a usable password and its owner is e-mailed a one-time set-password link on the school's
own host (`tenants.services.principal.set_password_url`: Django's token, tied to the password
hash, so it dies once used, and to PASSWORD_RESET_TIMEOUT, so it expires). The page the link
opens is Wagtail's set-password page, in Vietnamese.

Must be called with the connection on the school's schema.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import connection
from django.utils.translation import gettext as _

from tenants.hosts import site_url
from tenants.selectors import school_primary_host
from tenants.services.principal import set_password_url

logger = logging.getLogger(__name__)


def invitation_days() -> int:
    """How many whole days an invitation link lives (PASSWORD_RESET_TIMEOUT, at least 1)."""
    return max(1, settings.PASSWORD_RESET_TIMEOUT // (24 * 3600))


def user_invitation_send(*, user, inviter) -> bool:
    """E-mail `user` (of the current school) a set-password link; False (logged) when it could
    not be sent: the account stays, and its owner can ask for a link on the login page."""
    school = connection.tenant
    host = school_primary_host(school)
    if not host or not user.email:
        logger.warning("no host or e-mail to invite %s of %s", user.pk, school.schema_name)
        return False
    inviter_name = inviter.get_full_name() or inviter.email or inviter.get_username()
    body = _(
        "Chào bạn,\n\n"
        "%(inviter)s đã tạo cho bạn một tài khoản quản trị website %(school)s. Tên đăng nhập "
        "của bạn là: %(username)s.\n\n"
        "Để đặt mật khẩu, bạn mở liên kết sau (chỉ dùng được một lần, trong %(days)d ngày):\n"
        "%(link)s\n\n"
        "Sau khi đặt mật khẩu, bạn đăng nhập ở địa chỉ %(admin)s.\n\n"
        "Trân trọng,\n%(school)s"
    ) % {
        "inviter": inviter_name,
        "school": school.name,
        "username": user.get_username(),
        "days": invitation_days(),
        "link": set_password_url(user, host),
        "admin": site_url(host, "/admin/"),
    }
    subject = _("Mời đặt mật khẩu quản trị website %(school)s") % {"school": school.name}
    try:
        EmailMessage(subject=subject, body=body, to=[user.email]).send()
    except Exception:  # noqa: BLE001 — an unreachable mail server must not undo the account
        logger.exception("could not send the invitation of %s", user.email)
        return False
    return True
