from django.apps import AppConfig


class SitepagesConfig(AppConfig):
    """The page types of a school's site. Lives in every school schema."""

    name = "sitepages"
    verbose_name = "Trang website trường"

    def ready(self):
        from django.db import models
        from wagtail.admin.forms.models import register_form_field_override
        from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput

        from tenants.date_fields import DayFirstDateField, DayFirstDateTimeField

        from .signal_handlers import connect
        from .slug_widget import SchoolSlugInput

        connect()
        # Registered after Wagtail's own (wagtail.admin.forms.models), so these win: the slug
        # made in the browser as on the server; a date that does not exist (31/02, 13/25)
        # refused with a sentence naming it, keeping Wagtail's date pickers.
        register_form_field_override(models.SlugField, override={"widget": SchoolSlugInput})
        register_form_field_override(
            models.DateField, override={"widget": AdminDateInput, "form_class": DayFirstDateField}
        )
        register_form_field_override(
            models.DateTimeField,
            override={"widget": AdminDateTimeInput, "form_class": DayFirstDateTimeField},
        )
