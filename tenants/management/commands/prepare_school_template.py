from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tenants.command_base import SchoolhostCommand
from tenants.services.pool import pool_fill
from tenants.services.template import school_template_ensure, template_fingerprint


class Command(SchoolhostCommand):
    help = gettext_lazy(
        "Tạo hoặc cập nhật schema mẫu mà các trường mới được sao từ đó (migration và cây chuyên mục), rồi làm đầy lại kho schema sẵn sàng."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--pool",
            type=int,
            default=None,
            help=_("số schema trong kho (mặc định: theo cấu hình)"),
        )

    def handle(self, *args, pool, verbosity, **options):
        template = school_template_ensure(verbosity=max(0, verbosity - 1))
        added = pool_fill(size=pool)
        self.stdout.write(
            f"template schema {template.schema_name} ready ({template_fingerprint()}); "
            f"{added} pooled schema(s) added"
        )
