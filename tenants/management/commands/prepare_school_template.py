from django.core.management.base import BaseCommand

from tenants.services.pool import pool_fill
from tenants.services.template import school_template_ensure, template_fingerprint


class Command(BaseCommand):
    help = (
        "Create or update the template schema new schools are cloned from (migrations and the "
        "section tree), then refill the pool of ready schemas."
    )

    def add_arguments(self, parser):
        parser.add_argument("--pool", type=int, default=None, help="pool size (default: setting)")

    def handle(self, *args, pool, verbosity, **options):
        template = school_template_ensure(verbosity=max(0, verbosity - 1))
        added = pool_fill(size=pool)
        self.stdout.write(
            f"template schema {template.schema_name} ready ({template_fingerprint()}); "
            f"{added} pooled schema(s) added"
        )
