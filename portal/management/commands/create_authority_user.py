from django.contrib.auth.tokens import default_token_generator
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.models import AuthorityMembership
from portal.services import AuthorityUserError, authority_user_create
from tenants.command_base import SchoolhostCommand
from tenants.hosts import site_url
from tenants.selectors import authority_by_code


class Command(SchoolhostCommand):
    help = gettext_lazy(
        "Tạo (hoặc cập nhật) người dùng cổng thông tin của cơ quan quản lý: quản trị viên được thay đổi hoặc người kiểm tra chỉ được xem. Không có --password thì in đường dẫn đặt mật khẩu dùng một lần."
    )

    def add_arguments(self, parser):
        parser.add_argument("--authority", required=True, help=_("mã cơ quan quản lý"))
        parser.add_argument("--email", required=True, help=_("cũng là tên đăng nhập"))
        parser.add_argument("--role", required=True, choices=AuthorityMembership.Role.values)
        parser.add_argument(
            "--password", help=_("đặt mật khẩu này (nếu không: đường dẫn đặt mật khẩu)")
        )

    def handle(self, *args, authority, email, role, password, **options):
        body = authority_by_code(authority)
        if body is None:
            raise CommandError(
                _("--authority: không có cơ quan quản lý mã “%(code)s”.") % {"code": authority}
            )
        try:
            created = authority_user_create(
                authority=body, email=email, role=role, password=password
            )
        except AuthorityUserError as exc:
            raise CommandError(str(exc)) from exc
        user = created.user
        verb = "created" if created.created else "updated"
        self.stdout.write(f"{verb} {user.get_username()}: {role} of {body.code} ({body.name})")
        if not password and body.portal_domain:
            path = reverse(
                "portal:password_set",
                urlconf="schoolhost.urls_public",
                kwargs={
                    "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                    "token": default_token_generator.make_token(user),
                },
            )
            self.stdout.write(
                _("Liên kết đặt mật khẩu: %(url)s") % {"url": site_url(body.portal_domain, path)}
            )
