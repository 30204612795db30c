from django.apps import AppConfig


class SitepagesConfig(AppConfig):
    """The page types of a school's site. Lives in every school schema."""

    name = "sitepages"
    verbose_name = "Trang website trường"

    def ready(self):
        from django.db import models
        from wagtail.admin.forms.models import register_form_field_override

        from .signal_handlers import connect
        from .slug_widget import SchoolSlugInput

        connect()
        # Registered after Wagtail's own SlugInput (wagtail.admin.forms.models), so it wins.
        register_form_field_override(models.SlugField, override={"widget": SchoolSlugInput})
