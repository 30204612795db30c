from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The authority portal on each authority's host: login, dashboard, drill-down, the monthly
    report pages, emulation. Public schema."""

    name = "portal"
    verbose_name = "Cổng quản lý"
