from django.apps import AppConfig


class ComplianceConfig(AppConfig):
    """Rule sets, the evaluator and stored results. Public schema."""

    name = "compliance"
    verbose_name = "Đánh giá cập nhật website"

    def ready(self):
        from . import checks  # noqa: F401  (registers the rule-set system check)
        from .signal_handlers import connect

        connect()
