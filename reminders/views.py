"""Choosing which messages one receives (a page of the authority's portal host).

An authority admin chooses on the portal (the weekly digest). A school's editor or principal
follows the signed link at the foot of every reminder: no portal account is needed (school
accounts live in the school's schema), the signature is what proves the address.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect

from portal.permissions import portal_admin_required
from portal.views.common import portal_render
from reminders.forms import PreferenceForm
from reminders.preferences import (
    PUBLIC,
    preference_get,
    preference_save,
    preference_token_read,
)
from tenants.models import School


@portal_admin_required
def preferences(request):
    email = request.user.email or request.user.get_username()
    return _preference_page(request, schema_name=PUBLIC, email=email, fields=("weekly_digest",))


def preferences_by_token(request, token: str):
    if getattr(request, "authority", None) is None:
        raise Http404("not an authority portal")
    found = preference_token_read(token)
    if found is None or not School.objects.filter(schema_name=found[0]).exists():
        raise Http404("invalid link")
    schema_name, email = found
    return _preference_page(
        request, schema_name=schema_name, email=email, fields=("before_due", "when_late")
    )


def _preference_page(request, *, schema_name: str, email: str, fields: tuple[str, ...]):
    current = preference_get(schema_name=schema_name, email=email)
    values = {f: getattr(current, f) for f in ("before_due", "when_late", "weekly_digest")}
    if request.method == "POST":
        form = PreferenceForm(request.POST)
        if form.is_valid():
            values.update({f: form.cleaned_data[f] for f in fields})
            preference_save(schema_name=schema_name, email=email, **values)
            messages.success(request, "Đã lưu lựa chọn nhận thông báo.")
            return redirect(request.get_full_path())
    else:
        form = PreferenceForm(initial=values)
    for name in list(form.fields):
        if name not in fields:
            del form.fields[name]
    return portal_render(request, "reminders/preferences.html", {"form": form, "email": email})
