from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from tenants.services.pool import pool_fill


class Command(BaseCommand):
    help = "Clone the template until the pool of ready schemas has SIZE entries (drops stale ones)."

    def add_arguments(self, parser):
        parser.add_argument("--size", type=int, default=None)

    def handle(self, *args, size, **options):
        self.stdout.write(_("Đã thêm %(count)s schema dự phòng.") % {"count": pool_fill(size=size)})
