import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from compliance.services.evaluation import school_evaluate
from demo.history import authority_history_load, demo_reports_publish
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
        parser.add_argument("--since", required=True, help="YYYY-MM-DD, e.g. 2026-08-01")

    def handle(self, *args, authority, since, **options):
        found = authority_by_code(authority)
        if found is None:
            raise CommandError(f"--authority: unknown authority code '{authority}'")
        try:
            start = dt.date.fromisoformat(since)
        except ValueError as exc:
            raise CommandError(f"--since: '{since}' is not a date like 2026-08-01") from exc
        if start > dt.date.today():
            raise CommandError("--since is in the future")
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
