from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from tenants.selectors import school_by_schema_or_domain
from tenants.services.lifecycle import school_resume, school_suspend


class Command(BaseCommand):
    help = "Suspend a school (its site answers 503, all data kept) or, with --resume, reopen it."

    def add_arguments(self, parser):
        parser.add_argument("school", help="schema name, code or host name")
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
