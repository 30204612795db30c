"""Where uploads are stored: each school's own folder, under the file's name in NFC."""

from django_tenants.files.storage import TenantFileSystemStorage

from tenants.text import text_nfc


class SchoolFileStorage(TenantFileSystemStorage):
    """django-tenants' per-school storage (MEDIA_ROOT/<schema>/) that names files in NFC.

    Django's clean-up of a name (`get_valid_filename`) keeps letters and drops other marks: a
    decomposed (NFD) name, as macOS sends it, would lose every tone mark (`Kế` → `Ke`) while the
    same name typed on Windows keeps them. Composing first keeps every letter, readable
    (`Kế_hoạch_tháng_11.pdf`); downloads send it as `filename*=utf-8''…`. Wagtail's documents
    and images both name their files through `get_valid_name`, whether uploaded through the
    admin (already NFC: tenants.nfc) or created in code.
    """

    def get_valid_name(self, name):
        return super().get_valid_name(text_nfc(name))
