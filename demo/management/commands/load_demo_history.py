from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from compliance.services.evaluation import school_evaluate
from demo.history import authority_history_load, demo_reports_publish
from tenants.dates import DateInputError, date_parse
from tenants.models import School
from tenants.selectors import authority_by_code


class Command(BaseCommand):
    help = (
        "Fill an authority's schools with a realistic publishing history from --since until now "
        "(some diligent, some late on Mondays, some forgetting monthly plans, one that stopped "
        "in October), through the real page types and publication path; then evaluate them."
    )

    def add_arguments(self, parser):
        parser.add_argument("--authority", required=True)
        parser.add_argument(
            "--since", required=True, help="dd/mm/yyyy or yyyy-mm-dd, e.g. 01/08/2026"
        )

    def handle(self, *args, authority, since, **options):
        found = authority_by_code(authority)
        if found is None:
            raise CommandError(f"--authority: unknown authority code '{authority}'")
        try:
            start = date_parse(since)
        except DateInputError as exc:
            raise CommandError(f"--since: {exc}") from exc
        if start > timezone.localdate():
            raise CommandError(f"--since: {since} là ngày trong tương lai.")
        schools = list(School.objects.real().filter(authority=found).order_by("name"))
        count = authority_history_load(schools=schools, since=start, log=self.stdout.write)
        # Re-read: loading the history moved each school's joining date back to --since.
        for school in School.objects.real().filter(authority=found).select_related("authority"):
            school_evaluate(school=school)
        published = demo_reports_publish(authority=found, since=start)
        self.stdout.write(
            f"{count} publications loaded; {len(schools)} schools evaluated; monthly reports "
            f"published: {', '.join(published) or 'none'}"
        )
