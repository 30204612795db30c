from pathlib import Path

from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tenants.command_base import SchoolhostCommand
from tenants.selectors import school_by_schema_or_domain
from tenants.services.backup import SchoolBackupError, school_backup_write


class Command(SchoolhostCommand):
    help = gettext_lazy(
        "Sao lưu một trường (schema, tệp tải lên, thông tin trường) vào một tệp .tar.gz; khôi phục bằng restore_school."
    )

    def add_arguments(self, parser):
        parser.add_argument("school", help=_("tên schema, mã trường hoặc tên miền"))
        parser.add_argument("--output", required=True, help=_("tệp sẽ ghi, ví dụ truong.tar.gz"))

    def handle(self, *args, school, output, **options):
        found = school_by_schema_or_domain(school)
        if found is None:
            raise CommandError(
                _("Không có trường nào có schema, mã hoặc tên miền '%(school)s'.")
                % {"school": school}
            )
        try:
            path = school_backup_write(school=found, output=Path(output))
        except SchoolBackupError as exc:
            raise CommandError(str(exc)) from exc
        size_kb = path.stat().st_size / 1024
        self.stdout.write(
            _("Đã sao lưu %(school)s vào %(path)s (%(kb)d KB).")
            % {"school": found.name, "path": path, "kb": round(size_kb)}
        )
