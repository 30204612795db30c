"""`migrate_schemas` that skips school schemas with nothing to apply.

django-tenants' stock executor runs Django's `migrate` in every schema, which builds the whole
migration state each time (0.2–0.3 s per schema even with nothing to do: minutes at a thousand
schools). This executor first reads every schema's recorded migrations in a few queries and
hands only the schemas that are behind to the stock executor. Anything unusual (a named app or
migration, --fake, --plan, --prune, --check) goes to the stock executor unchanged.

`migrate_schemas --executor standard` still runs the stock path everywhere.
"""

import os
import sys

from django_tenants.migration_executors import get_executor as stock_get_executor
from django_tenants.migration_executors.standard import StandardExecutor

from tenants.services.migration_state import schemas_behind

PASS_THROUGH_OPTIONS = ("fake", "fake_initial", "plan", "prune", "check_unapplied")


class SkipCurrentExecutor(StandardExecutor):
    codename = "skip-current"

    def _needs_full_run(self) -> bool:
        if self.args or self.options.get("app_label") or self.options.get("migration_name"):
            return True
        return any(self.options.get(option) for option in PASS_THROUGH_OPTIONS)

    def run_migrations(self, tenants=None):
        schemas = list(tenants or [])
        if self.PUBLIC_SCHEMA_NAME in schemas:
            schemas.remove(self.PUBLIC_SCHEMA_NAME)
            super().run_migrations(tenants=[self.PUBLIC_SCHEMA_NAME])
        if not schemas:
            return
        if self._needs_full_run():
            super().run_migrations(tenants=schemas)
            return
        behind = schemas_behind(schemas)
        if int(self.options.get("verbosity", 1)) >= 1:
            sys.stdout.write(
                f"[{self.codename}] {len(schemas) - len(behind)} school schema(s) up to date, "
                f"{len(behind)} to migrate\n"
            )
        if behind:
            super().run_migrations(tenants=behind)


def get_executor(codename=None):
    """Default to skipping current schemas; `--executor standard|multiprocessing` still work."""
    codename = codename or os.environ.get("EXECUTOR")
    if codename in (None, SkipCurrentExecutor.codename):
        return SkipCurrentExecutor
    return stock_get_executor(codename)
