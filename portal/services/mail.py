"""The workplace's e-mails, in Vietnamese: a principal's invitation (link on the school's host)
and an authority user's invitation (link on the portal's host)."""

import logging

from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from tenants.hosts import site_url
from tenants.models import Authority
from tenants.services.principal import PrincipalInvitation

logger = logging.getLogger(__name__)


def principal_invitation_mail(*, invitation: PrincipalInvitation, authority: Authority) -> bool:
    """E-mail the principal their set-password link; False (logged) when sending failed."""
    school = invitation.school
    body = _(
        "Kính gửi Thầy/Cô Hiệu trưởng %(school)s,\n\n"
        "%(authority)s đã tạo website của trường. Tài khoản quản trị website của Thầy/Cô là "
        "%(email)s.\n\n"
        "Để đặt mật khẩu và bắt đầu cập nhật website, Thầy/Cô mở liên kết sau (chỉ dùng được "
        "một lần):\n%(link)s\n\n"
        "Sau khi đặt mật khẩu, trang quản trị của trường ở địa chỉ %(admin)s.\n\n"
        "Trân trọng,\n%(authority)s"
    ) % {
        "school": school.name,
        "authority": authority.name,
        "email": invitation.email,
        "link": invitation.set_password_url,
        "admin": site_url(invitation.host, "/admin/"),
    }
    subject = _("Mời đặt mật khẩu quản trị website %(school)s") % {"school": school.name}
    return _send(subject, body, invitation.email)


def authority_user_invitation_url(*, user, authority: Authority) -> str:
    """A one-time set-password link for a portal user, on the authority's portal host."""
    path = reverse(
        "portal:password_set",
        urlconf="schoolhost.urls_public",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return site_url(authority.portal_domain, path)


def authority_user_invitation_mail(*, user, authority: Authority, role_label: str) -> bool:
    link = authority_user_invitation_url(user=user, authority=authority)
    body = _(
        "Chào bạn,\n\n"
        "Bạn được mời sử dụng cổng giám sát website các trường của %(authority)s với vai trò "
        "%(role)s. Tên đăng nhập là địa chỉ e-mail này: %(email)s.\n\n"
        "Mở liên kết sau để đặt mật khẩu (chỉ dùng được một lần):\n%(link)s\n\n"
        "Trân trọng,\n%(authority)s"
    ) % {"authority": authority.name, "role": role_label, "email": user.email, "link": link}
    subject = _("Mời tham gia cổng thông tin %(authority)s") % {"authority": authority.name}
    return _send(subject, body, user.email)


def _send(subject: str, body: str, to: str) -> bool:
    try:
        EmailMessage(subject=subject, body=body, to=[to]).send()
    except Exception:  # noqa: BLE001 — an unreachable mail server must not undo the change
        logger.exception("could not send %r to %s", subject, to)
        return False
    return True
