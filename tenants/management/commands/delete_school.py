from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from tenants.selectors import school_by_schema_or_domain
from tenants.services.lifecycle import SchoolDeletionRefused, school_delete


class Command(BaseCommand):
    help = (
        "Delete a school for good, after writing a pg_dump of its schema. "
        "Needs --confirm with the school's code."
    )

    def add_arguments(self, parser):
        parser.add_argument("school", help="schema name, code or host name")
        parser.add_argument("--confirm", required=True, help="the school's code, typed again")
        parser.add_argument("--backup-dir", help="where the dump goes (default SCHOOL_BACKUP_DIR)")

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
