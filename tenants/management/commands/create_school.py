import json

from django.core.management.base import BaseCommand, CommandError

from tenants.selectors import authority_by_code
from tenants.services.provisioning import school_provision
from tenants.services.template import TemplateNotReady
from tenants.services.validation import SchoolInputError


class Command(BaseCommand):
    help = (
        "Create a school: its schema (cloned from the template), its site on DOMAIN with the "
        "required sections, and the principal's account with a one-time set-password link."
    )

    def add_arguments(self, parser):
        parser.add_argument("--authority", required=True, help="code of the overseeing body")
        parser.add_argument("--name", required=True, help='e.g. "THCS Nguyễn Du"')
        parser.add_argument(
            "--levels",
            required=True,
            help="comma-separated: preschool, primary, lower_secondary",
        )
        parser.add_argument("--domain", required=True, help="e.g. thcs-nguyen-du.localhost")
        parser.add_argument("--code", help="short code (default: derived from the name)")
        parser.add_argument("--schema", help="schema name (default: derived from the code)")
        parser.add_argument("--principal-email")
        parser.add_argument("--serves-meals", action="store_true")
        parser.add_argument("--json", action="store_true", help="print one JSON object")

    def handle(self, *args, **options):
        authority = authority_by_code(options["authority"])
        if authority is None:
            raise CommandError(f"authority: unknown authority code '{options['authority']}'")
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
            raise CommandError("\n".join(f"{f}: {m}" for f, m in exc.errors.items())) from exc
        except TemplateNotReady as exc:
            raise CommandError(str(exc)) from exc
        if options["json"]:
            self.stdout.write(json.dumps(created.as_dict(), ensure_ascii=False))
            return
        self.stdout.write(
            self.style.SUCCESS(f"Created {created.school.name} in {created.seconds:.2f} s")
        )
        self.stdout.write(f"  site:   {created.url}")
        self.stdout.write(f"  admin:  {created.admin_url}")
        self.stdout.write(f"  schema: {created.school.schema_name}")
        if created.set_password_url:
            self.stdout.write(f"  principal {created.principal_username} sets a password at:")
            self.stdout.write(f"    {created.set_password_url}")
