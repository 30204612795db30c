from pathlib import Path

from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tenants.command_base import SchoolhostCommand
from tenants.hosts import site_url
from tenants.services.backup import SchoolBackupError, school_restore


class Command(SchoolhostCommand):
    help = gettext_lazy(
        "Khôi phục một trường từ tệp của backup_school: như cũ (mã, schema, tên miền phải còn trống) hoặc thành trường mới bên cạnh với --as MÃ_MỚI."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("tệp .tar.gz do backup_school ghi"))
        parser.add_argument("--as", dest="as_code", help=_("mã trường mới cho bản khôi phục"))
        parser.add_argument(
            "--host", help=_("tên miền cho bản khôi phục (mặc định: tên miền cũ đổi nhãn đầu)")
        )

    def handle(self, *args, file, as_code, host, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(_("Không có tệp %(path)s.") % {"path": path})
        try:
            restored = school_restore(archive_path=path, as_code=as_code, host=host)
        except SchoolBackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            _(
                "Đã khôi phục %(school)s (mã %(code)s, schema %(schema)s, %(rows)d dòng dữ liệu) "
                "tại %(url)s. Kết quả tuân thủ sẽ được tính lại ở lượt đánh giá tới."
            )
            % {
                "school": restored.school.name,
                "code": restored.school.code,
                "schema": restored.school.schema_name,
                "rows": restored.rows,
                "url": site_url(restored.host),
            }
        )
