from django.core.management.base import BaseCommand, CommandError

from tenants.models import Authority
from tenants.services.authorities import AuthorityInputError, authority_create


class Command(BaseCommand):
    help = "Create an overseeing body (province, district office or commune) with its portal host."

    def add_arguments(self, parser):
        parser.add_argument("--code", required=True)
        parser.add_argument("--name", required=True)
        parser.add_argument("--kind", required=True, choices=Authority.Kind.values)
        parser.add_argument("--parent", help="code of the authority above it")
        parser.add_argument(
            "--domain", help="host name of its portal, e.g. pgd-phongdien.localhost"
        )

    def handle(self, *args, code, name, kind, parent, domain, **options):
        try:
            authority = authority_create(
                code=code, name=name, kind=kind, parent_code=parent, portal_domain=domain
            )
        except AuthorityInputError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"authority {authority.code} created: {authority.name}")
