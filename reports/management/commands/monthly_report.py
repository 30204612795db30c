import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from reports.exports import FORMATS, report_export
from reports.generation import ReportError, monthly_report_generate
from reports.months import month_parse
from tenants.selectors import authority_by_code

BINARY = {"xlsx", "pdf", "docx"}


class Command(BaseCommand):
    help = (
        "Generate an authority's monthly report (once: a second run changes nothing unless "
        "--regenerate --reason is given) and optionally write it as JSON, CSV, XLSX or PDF."
    )

    def add_arguments(self, parser):
        parser.add_argument("--authority", required=True, help="the authority's code")
        parser.add_argument("--month", required=True, help="month/year or YYYY-MM, e.g. 10/2026")
        parser.add_argument("--format", choices=FORMATS, help="write the report in this format")
        parser.add_argument("--output", help="file to write (default: standard output)")
        parser.add_argument("--regenerate", action="store_true", help="rebuild an existing report")
        parser.add_argument("--reason", help="why it is regenerated (required with --regenerate)")

    def handle(self, *args, **options):
        authority = authority_by_code(options["authority"])
        if authority is None:
            raise CommandError(
                _("--authority: không có cơ quan quản lý mã “%(code)s”.")
                % {"code": options["authority"]}
            )
        try:
            month = month_parse(options["month"])
        except ValueError as exc:
            raise CommandError(f"--month: {exc}") from exc
        fmt, output = options["format"], options["output"]
        if fmt in BINARY and not output and sys.stdout.isatty():
            raise CommandError(
                _("--format %(format)s là tệp nhị phân: hãy ghi --output TỆP") % {"format": fmt}
            )
        try:
            result = monthly_report_generate(
                authority=authority,
                month=month,
                regenerate=options["regenerate"],
                reason=options["reason"],
                requested_by="manage.py monthly_report",
            )
        except ReportError as exc:
            raise CommandError(str(exc)) from exc
        report = result.report
        state = (
            _("đã tạo")
            if result.created
            else _("đã tạo lại")
            if result.regenerated
            else _("đã có, không đổi")
        )
        latest = report.generations.order_by("-number").first()
        counts = latest.counts if latest else {}
        summary = _("báo cáo %(code)s %(month)s (%(status)s): %(state)s; %(counts)s") % {
            "code": authority.code,
            "month": month.key,
            "status": report.get_status_display(),
            "state": state,
            "counts": counts,
        }
        if fmt is None:
            self.stdout.write(summary)
            return
        exported = report_export(report, fmt)
        if output:
            Path(output).write_bytes(exported.content)
            wrote = _("đã ghi %(path)s (%(size)s byte)") % {
                "path": output,
                "size": len(exported.content),
            }
            self.stderr.write(f"{summary}\n{wrote}")
        elif fmt in BINARY:
            sys.stdout.buffer.write(exported.content)
        else:
            self.stdout.write(exported.content.decode("utf-8"))
