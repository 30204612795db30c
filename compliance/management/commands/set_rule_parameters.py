import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from compliance.services.configuration import ConfigurationError, rule_parameters_set
from tenants.selectors import authority_by_code


class Command(BaseCommand):
    help = (
        "Set an authority's own parameters for one rule (e.g. its timetable dates), checked "
        "against the rule kind's schema; the change is recorded (who, when, before, after)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--authority", required=True)
        parser.add_argument(
            "--rule", required=True, help="RULESET/RULE, e.g. letter-2015/news-weekly"
        )
        parser.add_argument("--params", required=True, help='JSON object, e.g. {"count": 3}')
        parser.add_argument("--by", required=True, help="who makes the change (e-mail)")

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
