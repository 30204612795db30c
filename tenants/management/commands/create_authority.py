from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tenants.command_base import SchoolhostCommand
from tenants.models import Authority
from tenants.services.authorities import AuthorityInputError, authority_create


class Command(SchoolhostCommand):
    help = gettext_lazy(
        "Tạo một cơ quan quản lý (Sở GD&ĐT, Phòng GD&ĐT hoặc UBND xã/phường) với tên miền cổng thông tin của nó."
    )

    def add_arguments(self, parser):
        parser.add_argument("--code", required=True)
        parser.add_argument("--name", required=True)
        parser.add_argument("--kind", required=True, choices=Authority.Kind.values)
        parser.add_argument("--parent", help=_("mã cơ quan cấp trên"))
        parser.add_argument(
            "--domain", help=_("tên miền cổng thông tin, ví dụ pgd-phongdien.localhost")
        )

    def handle(self, *args, code, name, kind, parent, domain, **options):
        try:
            authority = authority_create(
                code=code, name=name, kind=kind, parent_code=parent, portal_domain=domain
            )
        except AuthorityInputError as exc:
            raise CommandError(str(exc), returncode=2) from exc
        self.stdout.write(
            _("Đã tạo cơ quan quản lý %(code)s: %(name)s")
            % {"code": authority.code, "name": authority.name}
        )
