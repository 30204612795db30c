from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from compliance.services.evaluation import school_evaluate
from tenants.command_base import SchoolhostCommand
from tenants.models import School
from tenants.selectors import school_by_schema_or_domain


class Command(SchoolhostCommand):
    help = gettext_lazy(
        "Đánh giá các trường ngay bây giờ và lưu kết quả (một trường, hoặc --all), có báo tiến độ."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--school", action="append", default=[], help=_("tên schema, mã trường hoặc tên miền")
        )
        parser.add_argument("--all", action="store_true")

    def handle(self, *args, school, all, **options):
        if not school and not all:
            raise CommandError(_("Hãy chọn trường bằng --school, hoặc dùng --all."))
        if all:
            schools = list(School.objects.real().select_related("authority"))
        else:
            schools = []
            for value in school:
                found = school_by_schema_or_domain(value)
                if found is None:
                    raise CommandError(
                        _(
                            "--school: không tìm thấy trường có tên schema, mã hoặc tên miền “%(value)s”."
                        )
                        % {"value": value}
                    )
                schools.append(found)
        total = len(schools)
        for done, found in enumerate(schools, start=1):
            report = school_evaluate(school=found)
            filled = int(30 * done / total) if total else 30
            self.stderr.write(f"\r[{'#' * filled}{' ' * (30 - filled)}] {done}/{total}", ending="")
            if options["verbosity"] > 1:
                self.stdout.write(f"\n{found.name}: {report.category} {report.summary}")
        self.stderr.write("")
        self.stdout.write(_("Đã đánh giá %(count)s trường.") % {"count": total})
