from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tenants.utils import schema_context

from compliance.services.evidence_chain import (
    HASH_MISMATCH,
    HEAD_MISMATCH,
    MISSING,
    PREV_MISMATCH,
    evidence_chain_verify,
)
from tenants.command_base import SchoolhostCommand
from tenants.dates import datetime_format
from tenants.models import School
from tenants.selectors import school_by_schema_or_domain


class Command(SchoolhostCommand):
    help = gettext_lazy(
        "Kiểm tra chuỗi băm của lịch sử bằng chứng (mỗi mục mang mã băm của mục trước) của một "
        "trường hoặc mọi trường; nêu mục đầu tiên bị gãy và thoát với mã khác 0 nếu có."
    )

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--school", help=_("tên schema, mã trường hoặc tên miền"))
        which.add_argument("--all", action="store_true", help=_("mọi trường"))

    def handle(self, *args, school=None, all=False, **options):
        if all:
            schools = list(School.objects.real().order_by("schema_name"))
        else:
            found = school_by_schema_or_domain(school)
            if found is None:
                raise CommandError(
                    _(
                        "--school: không tìm thấy trường có tên schema, mã hoặc tên miền “%(value)s”."
                    )
                    % {"value": school}
                )
            schools = [found]
        broken = 0
        for found in schools:
            with schema_context(found.schema_name):
                check = evidence_chain_verify()
            if check.ok:
                self.stdout.write(
                    _("%(school)s: đúng, %(count)d mục.")
                    % {"school": found.schema_name, "count": check.count}
                )
                continue
            broken += 1
            reason = {
                HASH_MISMATCH: _("mã băm không khớp nội dung của mục"),
                PREV_MISMATCH: _("mã băm của mục trước không khớp (mục trước đã bị sửa hoặc xóa)"),
                MISSING: _(
                    "mục này và các mục sau đã bị xóa (mốc lưu ngoài trường ghi đến mục #%(head)d)"
                ),
                HEAD_MISMATCH: _("mã băm khác mốc lưu ngoài trường (lịch sử đã bị viết lại)"),
            }[check.broken.reason] % {"head": check.head_seq or 0}
            self.stdout.write(
                _("%(school)s: gãy ở mục #%(seq)d (%(at)s): %(reason)s.")
                % {
                    "school": found.schema_name,
                    "seq": check.broken.seq,
                    "at": datetime_format(check.broken.at),
                    "reason": reason,
                }
            )
        if broken:
            raise CommandError(
                _("Lịch sử bằng chứng của %(count)d trường bị gãy.") % {"count": broken}
            )
