import sys
from pathlib import Path

from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reports.exports import FORMATS, report_export
from reports.generation import ReportError, monthly_report_generate
from reports.months import month_parse
from tenants.command_base import SchoolhostCommand
from tenants.selectors import authority_by_code

BINARY = {"xlsx", "pdf", "docx"}


class Command(SchoolhostCommand):
    help = gettext_lazy(
        "Lập báo cáo tháng của một cơ quan quản lý (một lần: chạy lại không đổi gì, trừ khi có --regenerate --reason) và nếu cần ghi ra JSON, CSV, XLSX hoặc PDF."
    )

    def add_arguments(self, parser):
        parser.add_argument("--authority", required=True, help=_("mã cơ quan quản lý"))
        parser.add_argument(
            "--month", required=True, help=_("tháng/năm hoặc YYYY-MM, ví dụ 10/2026")
        )
        parser.add_argument("--format", choices=FORMATS, help=_("ghi báo cáo theo định dạng này"))
        parser.add_argument("--output", help=_("tệp sẽ ghi (mặc định: đầu ra chuẩn)"))
        parser.add_argument(
            "--regenerate", action="store_true", help=_("lập lại một báo cáo đã có")
        )
        parser.add_argument("--reason", help=_("lý do lập lại (bắt buộc khi có --regenerate)"))

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
