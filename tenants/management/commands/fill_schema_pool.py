from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tenants.command_base import SchoolhostCommand
from tenants.services.pool import pool_fill


class Command(SchoolhostCommand):
    help = gettext_lazy(
        "Sao schema mẫu cho đến khi kho schema sẵn sàng có SIZE schema (bỏ các schema đã cũ)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--size", type=int, default=None)

    def handle(self, *args, size, **options):
        self.stdout.write(_("Đã thêm %(count)s schema dự phòng.") % {"count": pool_fill(size=size)})
