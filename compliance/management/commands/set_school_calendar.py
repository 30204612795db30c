import datetime as dt

from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from compliance.services.configuration import ConfigurationError, calendar_year_set
from tenants.command_base import SchoolhostCommand
from tenants.dates import DateInputError, date_parse
from tenants.selectors import authority_by_code


def _span(value: str, option: str) -> tuple[dt.date, dt.date]:
    """`07/09/2026:15/01/2027` (or ISO days) → (first, last); a Vietnamese CommandError else."""
    parts = value.split(":")
    if len(parts) != 2:
        raise CommandError(
            f"{option}: “{value}” phải có dạng NGÀY-ĐẦU:NGÀY-CUỐI, ví dụ 07/09/2026:15/01/2027."
        )
    try:
        first, last = (date_parse(part) for part in parts)
    except DateInputError as exc:
        raise CommandError(f"{option}: {exc}") from exc
    return first, last


class Command(SchoolhostCommand):
    help = gettext_lazy(
        "Đặt lịch năm học của một cơ quan quản lý cho một năm học (ngày học đầu và cuối mỗi học kỳ, các tuần nghỉ); các đơn vị cấp dưới dùng theo."
    )

    def add_arguments(self, parser):
        parser.add_argument("--authority", required=True)
        parser.add_argument(
            "--year", type=int, required=True, help=_("năm đầu của năm học, ví dụ 2026")
        )
        parser.add_argument(
            "--semester1",
            required=True,
            help=_("NGÀY_ĐẦU:NGÀY_CUỐI học kỳ I, ví dụ 07/09/2026:15/01/2027"),
        )
        parser.add_argument(
            "--semester2",
            required=True,
            help=_("NGÀY_ĐẦU:NGÀY_CUỐI học kỳ II, ví dụ 19/01/2027:31/05/2027"),
        )
        parser.add_argument(
            "--break",
            action="append",
            default=[],
            dest="breaks",
            help=_(
                "THỨ_HAI:NHÃN, ví dụ 08/02/2027:tet (tet, mid_term, exam_review, other); lặp lại được"
            ),
        )

    def handle(self, *args, authority, year, semester1, semester2, breaks, **options):
        found = authority_by_code(authority)
        if found is None:
            raise CommandError(
                _("--authority: không có cơ quan quản lý mã “%(code)s”.") % {"code": authority}
            )
        weeks = []
        for value in breaks:
            monday, _colon, label = value.partition(":")
            try:
                weeks.append((date_parse(monday), label or "other"))
            except DateInputError as exc:
                raise CommandError(
                    f"--break: {exc} (dạng THỨ-HAI:NHÃN, ví dụ 08/02/2027:tet)"
                ) from exc
        try:
            calendar_year_set(
                authority=found,
                school_year_start=year,
                semester1=_span(semester1, "--semester1"),
                semester2=_span(semester2, "--semester2"),
                breaks=weeks,
            )
        except ConfigurationError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            _("%(code)s: đã lưu lịch năm học %(first)s–%(second)s")
            % {"code": found.code, "first": year, "second": year + 1}
        )
