from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tenants.selectors import authority_by_code
from tenants.services.bulk_import import ImportFileError, schools_import
from tenants.services.template import TemplateNotReady


class Command(BaseCommand):
    help = (
        "Create schools from an XLSX or CSV file (columns: name, levels, domain, [code], "
        "[principal_email], [serves_meals]). Bad rows are reported, good rows created; "
        "re-running the same file creates nothing twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--authority", required=True, help="code of the overseeing body")

    def _progress(self, done: int, total: int) -> None:
        width = 30
        filled = int(width * done / total) if total else width
        self.stderr.write(f"\r[{'#' * filled}{' ' * (width - filled)}] {done}/{total}", ending="")
        if done == total:
            self.stderr.write("")

    def handle(self, *args, file, authority, **options):
        found = authority_by_code(authority)
        if found is None:
            raise CommandError(f"authority: unknown authority code '{authority}'")
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"file: {file} does not exist")
        try:
            report = schools_import(path=path, authority=found, progress=self._progress)
        except (ImportFileError, TemplateNotReady) as exc:
            raise CommandError(str(exc)) from exc
        for row in report.rows:
            if row.status == "error":
                self.stdout.write(self.style.ERROR(f"row {row.row} ({row.name}): {row.message}"))
        self.stdout.write(
            f"{report.count('created')} created, {report.count('skipped')} already existed, "
            f"{report.count('error')} with errors"
        )
        if report.count("error"):
            raise CommandError(f"{report.count('error')} row(s) could not be imported (see above)")
