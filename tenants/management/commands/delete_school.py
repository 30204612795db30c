from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tenants.command_base import SchoolhostCommand
from tenants.selectors import school_by_schema_or_domain
from tenants.services.lifecycle import SchoolDeletionRefused, school_delete


class Command(SchoolhostCommand):
    help = gettext_lazy(
        "Xóa hẳn một trường, sau khi ghi bản pg_dump của schema. Cần --confirm kèm mã trường."
    )

    def add_arguments(self, parser):
        parser.add_argument("school", help=_("tên schema, mã trường hoặc tên miền"))
        parser.add_argument("--confirm", required=True, help=_("mã trường, gõ lại một lần nữa"))
        parser.add_argument(
            "--backup-dir", help=_("nơi ghi bản sao lưu (mặc định SCHOOL_BACKUP_DIR)")
        )

    def handle(self, *args, school, confirm, backup_dir, **options):
        found = school_by_schema_or_domain(school)
        if found is None:
            raise CommandError(
                _("Không tìm thấy trường có tên schema, mã hoặc tên miền “%(value)s”.")
                % {"value": school}
            )
        try:
            backup = school_delete(school=found, confirm=confirm, backup_dir=backup_dir)
        except SchoolDeletionRefused as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            _("Đã xóa %(name)s; bản sao lưu ở %(backup)s") % {"name": found.name, "backup": backup}
        )
