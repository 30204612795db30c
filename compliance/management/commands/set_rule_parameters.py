import json

from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from compliance.services.configuration import ConfigurationError, rule_parameters_set
from tenants.command_base import SchoolhostCommand
from tenants.selectors import authority_by_code


class Command(SchoolhostCommand):
    help = gettext_lazy(
        "Đặt tham số riêng của một cơ quan quản lý cho một quy định (ví dụ các mốc thời khóa biểu), kiểm tra theo lược đồ của loại quy định; thay đổi được ghi lại (ai, lúc nào, trước, sau)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--authority", required=True)
        parser.add_argument(
            "--rule", required=True, help=_("BỘ_QUY_TẮC/QUY_ĐỊNH, ví dụ letter-2015/news-weekly")
        )
        parser.add_argument("--params", required=True, help=_('đối tượng JSON, ví dụ {"count": 3}'))
        parser.add_argument("--by", required=True, help=_("người thay đổi (thư điện tử)"))

    def handle(self, *args, authority, rule, params, by, **options):
        found = authority_by_code(authority)
        if found is None:
            raise CommandError(
                _("--authority: không có cơ quan quản lý mã “%(code)s”.") % {"code": authority}
            )
        ruleset_id, _slash, rule_id = rule.partition("/")
        try:
            values = json.loads(params)
        except json.JSONDecodeError as exc:
            raise CommandError(
                _("--params: không phải JSON (%(error)s).") % {"error": exc.msg}
            ) from exc
        if not isinstance(values, dict):
            raise CommandError(_('--params: hãy ghi một đối tượng JSON, ví dụ {"count": 3}.'))
        try:
            rule_parameters_set(
                authority=found,
                ruleset_id=ruleset_id,
                rule_id=rule_id,
                params=values,
                changed_by=by,
            )
        except ConfigurationError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            _("%(code)s: đã đặt tham số của %(rule)s là %(params)s")
            % {"code": found.code, "rule": rule, "params": json.dumps(values)}
        )
