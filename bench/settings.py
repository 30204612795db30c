"""The benchmarks' settings: the development settings plus the migration probe app (a real
tenant migration to time across every school, bench/scale.py)."""

from schoolhost.settings.dev import *  # noqa: F403
from schoolhost.settings.dev import INSTALLED_APPS, TENANT_APPS

TENANT_APPS = [*TENANT_APPS, "bench.migration_probe"]
INSTALLED_APPS = [*INSTALLED_APPS, "bench.migration_probe"]
