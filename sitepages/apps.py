from django.apps import AppConfig


class SitepagesConfig(AppConfig):
    """The page types of a school's site. Lives in every school schema."""

    name = "sitepages"
    verbose_name = "Trang website trường"

    def ready(self):
        from django.db import models
        from wagtail.admin.forms.models import register_form_field_override

        from sitepages.slugs import SchoolSlugInput

        from .signal_handlers import connect

        connect()
        # Every slug field in the admin slugifies titles as the server does (sitepages/slugs.py);
        # registered after Wagtail's own SlugInput, so this one is used.
        register_form_field_override(models.SlugField, override={"widget": SchoolSlugInput})
