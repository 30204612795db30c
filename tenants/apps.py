from django.apps import AppConfig


class TenantsConfig(AppConfig):
    """Authorities, schools (tenants) and their domains; provisioning. Public schema only."""

    name = "tenants"
    verbose_name = "Trường học và cơ quan quản lý"
