import datetime as dt
import json

from django.core.management.base import CommandError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from compliance.presentation import report_table
from compliance.services.evaluation import school_obligations
from tenants.command_base import SchoolhostCommand
from tenants.dates import DateInputError, datetime_parse
from tenants.selectors import school_by_schema_or_domain


def parse_moment(value: str) -> dt.datetime:
    """`23/11/2026 10:00` or `2026-11-23T10:00` (local time), or ISO with an explicit offset;
    a Vietnamese CommandError otherwise, or when the moment is still to come."""
    try:
        moment = datetime_parse(value)
    except DateInputError as exc:
        raise CommandError(f"--at: {exc}") from exc
    if moment > timezone.now():
        raise CommandError(
            f"--at: {value} là thời điểm trong tương lai; minh chứng chỉ biết đến hiện tại."
        )
    return moment


class Command(SchoolhostCommand):
    help = gettext_lazy(
        "Liệt kê các việc phải đăng của một trường (đúng hạn, trễ, thiếu, chưa đến hạn) tại một thời điểm, tính từ cây trang và lịch sử đăng bài của trường. Không lưu gì."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--school", required=True, help=_("tên schema, mã trường hoặc tên miền")
        )
        parser.add_argument(
            "--at",
            help=_(
                "ngày giờ Việt Nam, ví dụ '23/11/2026 10:00' hoặc 2026-11-23T10:00 (mặc định: bây giờ)"
            ),
        )
        parser.add_argument("--format", choices=["table", "json"], default="table")
        parser.add_argument("--lang", choices=["vi", "en"], default="vi")

    def handle(self, *args, school, at, format, lang, **options):
        found = school_by_schema_or_domain(school)
        if found is None:
            raise CommandError(
                _("--school: không tìm thấy trường có tên schema, mã hoặc tên miền “%(value)s”.")
                % {"value": school}
            )
        report = school_obligations(school=found, as_of=parse_moment(at) if at else None)
        if format == "json":
            self.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
        else:
            self.stdout.write(report_table(report, lang=lang))
