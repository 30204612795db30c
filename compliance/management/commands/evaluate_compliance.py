from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from compliance.services.evaluation import school_evaluate
from tenants.models import School
from tenants.selectors import school_by_schema_or_domain


class Command(BaseCommand):
    help = "Evaluate schools now and store the results (one school, or --all), with progress."

    def add_arguments(self, parser):
        parser.add_argument("--school", action="append", default=[], help="schema, code or host")
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
