from django.apps import AppConfig


class SitepagesConfig(AppConfig):
    """The page types of a school's site. Lives in every school schema."""

    name = "sitepages"
    verbose_name = "Trang website trường"

    def ready(self):
        from .signal_handlers import connect

        connect()
