import json

from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tenants.command_base import SchoolhostCommand
from tenants.selectors import authority_by_code
from tenants.services.provisioning import school_provision
from tenants.services.template import TemplateNotReady
from tenants.services.validation import SchoolInputError, errors_text


class Command(SchoolhostCommand):
    help = gettext_lazy(
        "Tạo một trường: schema (sao từ schema mẫu), trang web trên tên miền DOMAIN với các chuyên mục bắt buộc, và tài khoản hiệu trưởng kèm đường dẫn đặt mật khẩu một lần."
    )

    def add_arguments(self, parser):
        parser.add_argument("--authority", required=True, help=_("mã cơ quan quản lý"))
        parser.add_argument("--name", required=True, help=_('ví dụ "THCS Nguyễn Du"'))
        parser.add_argument(
            "--levels",
            required=True,
            help=_(
                'cấp học: preschool, primary, lower_secondary hoặc như văn bản ghi ("Mầm non", "Tiểu học", "THCS", "TH và THCS")'
            ),
        )
        parser.add_argument("--domain", required=True, help=_("ví dụ thcs-nguyen-du.edu.vn"))
        parser.add_argument("--code", help=_("mã ngắn (mặc định: suy từ tên trường)"))
        parser.add_argument("--schema", help=_("tên schema (mặc định: suy từ mã)"))
        parser.add_argument("--principal-email")
        parser.add_argument("--serves-meals", action="store_true")
        parser.add_argument("--json", action="store_true", help=_("in một đối tượng JSON"))

    def handle(self, *args, **options):
        authority = authority_by_code(options["authority"])
        if authority is None:
            raise CommandError(
                _("Không có cơ quan quản lý mã '%(code)s'.") % {"code": options["authority"]},
                returncode=2,
            )
        try:
            created = school_provision(
                authority=authority,
                name=options["name"],
                levels=options["levels"],
                domain=options["domain"],
                code=options["code"],
                schema_name=options["schema"],
                principal_email=options["principal_email"],
                serves_meals=options["serves_meals"],
            )
        except SchoolInputError as exc:
            lines = [errors_text({f: message}) for f, message in exc.errors.items()]
            raise CommandError("\n".join(lines), returncode=2) from exc
        except TemplateNotReady as exc:
            raise CommandError(str(exc)) from exc
        if options["json"]:
            self.stdout.write(json.dumps(created.as_dict(), ensure_ascii=False))
            return
        self.stdout.write(
            self.style.SUCCESS(
                _("Đã tạo %(name)s trong %(seconds).2f giây")
                % {"name": created.school.name, "seconds": created.seconds}
            )
        )
        self.stdout.write(_("  trang web: %(url)s") % {"url": created.url})
        self.stdout.write(_("  quản trị:  %(url)s") % {"url": created.admin_url})
        self.stdout.write(_("  schema:    %(schema)s") % {"schema": created.school.schema_name})
        if created.set_password_url:
            self.stdout.write(
                _("  hiệu trưởng %(user)s đặt mật khẩu tại:") % {"user": created.principal_username}
            )
            self.stdout.write(f"    {created.set_password_url}")
