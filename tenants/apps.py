from django.apps import AppConfig
from django.db.models.signals import pre_save


class TenantsConfig(AppConfig):
    """Authorities, schools (tenants) and their domains; provisioning. Public schema only."""

    name = "tenants"
    verbose_name = "Trường học và cơ quan quản lý"

    def ready(self):
        from tenants.nfc import text_fields_nfc

        # Every model, in every schema: text written by code reaches the database in NFC.
        pre_save.connect(text_fields_nfc, dispatch_uid="tenants.text_fields_nfc")
