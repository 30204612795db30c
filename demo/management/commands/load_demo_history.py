from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from compliance.services.evaluation import school_evaluate
from demo.history import authority_history_load, demo_reports_publish
from tenants.dates import DateInputError, date_parse
from tenants.models import Authority, School
from tenants.selectors import authority_and_descendant_ids, authority_by_code


class Command(BaseCommand):
    help = (
        "Fill an authority's schools (and those of the bodies under it) with a realistic publishing history from --since until now "
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
        # the authority and the bodies under it (a province: every commune's schools)
        bodies = authority_and_descendant_ids(found)
        schools = list(School.objects.real().filter(authority_id__in=bodies).order_by("name"))
        count = authority_history_load(schools=schools, since=start, log=self.stdout.write)
        # Re-read: loading the history moved each school's joining date back to --since.
        in_scope = School.objects.real().filter(authority_id__in=bodies)
        for school in in_scope.select_related("authority"):
            school_evaluate(school=school)
        published = []
        for body in Authority.objects.filter(pk__in=bodies).order_by("pk"):
            published = demo_reports_publish(authority=body, since=start)
        self.stdout.write(
            f"{count} publications loaded; {len(schools)} schools evaluated; monthly reports "
            f"published: {', '.join(published) or 'none'}"
        )
