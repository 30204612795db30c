from django.apps import AppConfig


class MigrationProbeConfig(AppConfig):
    name = "bench.migration_probe"
    label = "migration_probe"
    verbose_name = "Migration probe (bench and tests)"
