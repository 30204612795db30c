from django.contrib.auth.tokens import default_token_generator
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from portal.models import AuthorityMembership
from portal.services import AuthorityUserError, authority_user_create
from tenants.hosts import site_url
from tenants.selectors import authority_by_code


class Command(BaseCommand):
    help = (
        "Create (or update) an authority portal user: an admin who can change things or an "
        "inspector who can only look. Without --password, prints a one-time link to set one."
    )

    def add_arguments(self, parser):
        parser.add_argument("--authority", required=True, help="the authority's code")
        parser.add_argument("--email", required=True, help="also the login name")
        parser.add_argument("--role", required=True, choices=AuthorityMembership.Role.values)
        parser.add_argument("--password", help="set this password (else: a set-password link)")

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
