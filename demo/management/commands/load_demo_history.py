from django.core.management.base import CommandError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from compliance.services.evaluation import school_evaluate
from demo.history import authority_history_load, demo_reports_publish
from tenants.command_base import SchoolhostCommand
from tenants.dates import DateInputError, date_parse
from tenants.models import Authority, School
from tenants.selectors import authority_and_descendant_ids, authority_by_code


class Command(SchoolhostCommand):
    help = gettext_lazy(
        "Tạo cho các trường của một cơ quan quản lý (và của các đơn vị cấp dưới) lịch sử đăng bài như thật từ --since đến nay (trường chăm chỉ, trường hay trễ thứ Hai, trường quên kế hoạch tháng, một trường ngừng từ tháng 10), qua các loại trang và đường đăng bài thật; sau đó đánh giá."
    )

    def add_arguments(self, parser):
        parser.add_argument("--authority", required=True)
        parser.add_argument(
            "--since", required=True, help=_("ngày/tháng/năm hoặc năm-tháng-ngày, ví dụ 01/08/2026")
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
