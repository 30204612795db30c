"""Text enters the system in NFC (Unicode's composed form) whatever the sender typed or pasted.

Two mechanisms, one per way text arrives:

- `NfcInputMiddleware` for everything that comes over HTTP: the query string, form fields and
  uploaded file names of every request (the Wagtail admin's page, image and document forms,
  rich text and StreamField values, which the admin posts as form fields, the portal's forms,
  the API's parameters). One place at the edge instead of a clean() per form: Wagtail builds
  its page forms from the models, and a form we never wrote (a chooser, a workflow action, a
  search box) is covered too. It runs after CSRF's check and leaves `request.body` alone.
- `text_fields_nfc`, a `pre_save` receiver for every model, for text that does not come from a
  request: pages and rows created in code (services, commands, migrations of data, the demo),
  and values a command passes to the ORM. Character, text and rich-text fields, JSON fields
  and StreamField values are brought to NFC before the row is written. It costs one
  `is_normalized` scan per text field and rewrites only what is not NFC yet.

The command line itself is normalised in `manage.py` (`tenants.text.argv_nfc`), so that an
NFD argument finds the NFC row it names (`--authority`, `--name`…).
"""

import unicodedata

from django.db import models
from django.http import QueryDict

from tenants.text import nfc_deep


def querydict_nfc(data: QueryDict) -> QueryDict:
    """`data` itself when all its keys and values are NFC, else an NFC copy (immutable)."""
    if all(
        unicodedata.is_normalized("NFC", key)
        and all(not isinstance(v, str) or unicodedata.is_normalized("NFC", v) for v in values)
        for key, values in data.lists()
    ):
        return data
    normalised = QueryDict(mutable=True, encoding=data.encoding)
    for key, values in data.lists():
        normalised.setlist(nfc_deep(key), [nfc_deep(value) for value in values])
    normalised._mutable = False
    return normalised


class NfcInputMiddleware:
    """Bring a request's GET and POST data and uploaded file names to NFC before the view."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        request.GET = querydict_nfc(request.GET)
        if request.method in ("POST", "PUT", "PATCH"):
            # Reading POST here parses the body as CsrfViewMiddleware's own check (just
            # before) already did for POST; for PUT/PATCH Django leaves POST empty.
            request.POST = querydict_nfc(request.POST)
            for uploads in request.FILES.lists():
                for upload in uploads[1]:
                    if upload.name:
                        upload.name = nfc_deep(upload.name)
        return None


def text_fields_nfc(sender, instance, raw=False, **kwargs):
    """pre_save: every text, JSON and StreamField value of `instance` in NFC (fixtures loaded
    raw are left as they are)."""
    if raw:
        return
    for field in sender._meta.concrete_fields:
        value = getattr(instance, field.attname, None)
        if value is None:
            continue
        if isinstance(value, str):
            if not unicodedata.is_normalized("NFC", value):
                setattr(instance, field.attname, unicodedata.normalize("NFC", value))
        elif _is_stream_field(field):
            raw_data = value.get_prep_value()
            normalised = nfc_deep(raw_data)
            if normalised != raw_data:
                setattr(instance, field.attname, field.to_python(normalised))
        elif isinstance(field, models.JSONField):
            normalised = nfc_deep(value)
            if normalised != value:
                setattr(instance, field.attname, normalised)


def _is_stream_field(field) -> bool:
    from wagtail.fields import StreamField

    return isinstance(field, StreamField)
