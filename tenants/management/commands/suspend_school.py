from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tenants.command_base import SchoolhostCommand
from tenants.selectors import school_by_schema_or_domain
from tenants.services.lifecycle import school_resume, school_suspend


class Command(SchoolhostCommand):
    help = gettext_lazy(
        "Tạm ngừng một trường (trang web trả 503, giữ mọi dữ liệu) hoặc, với --resume, mở lại."
    )

    def add_arguments(self, parser):
        parser.add_argument("school", help=_("tên schema, mã trường hoặc tên miền"))
        parser.add_argument("--resume", action="store_true")

    def handle(self, *args, school, resume, **options):
        found = school_by_schema_or_domain(school)
        if found is None:
            raise CommandError(
                _("Không tìm thấy trường có tên schema, mã hoặc tên miền “%(value)s”.")
                % {"value": school}
            )
        (school_resume if resume else school_suspend)(school=found)
        self.stdout.write(f"{found.name}: {found.get_status_display()}")
