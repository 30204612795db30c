from django.apps import AppConfig


class OpendataConfig(AppConfig):
    """The read-only open-data API of each authority's portal host (no models of its own)."""

    name = "opendata"
    verbose_name = "Dữ liệu mở"
