from django.apps import AppConfig


class ReportsConfig(AppConfig):
    """Monthly reports, emulation scores and their exports, read from the stored results.
    Public schema."""

    name = "reports"
    verbose_name = "Báo cáo tháng"
