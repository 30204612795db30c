"""Creating the bodies that oversee schools."""

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tenants.models import Authority
from tenants.services.validation import code_from_name, host_for_new_site
from tenants.text import line_clean

FIELD_LABELS = {
    "code": gettext_lazy("Mã"),
    "name": gettext_lazy("Tên"),
    "kind": gettext_lazy("Loại"),
    "parent": gettext_lazy("Cơ quan cấp trên"),
    "domain": gettext_lazy("Tên miền cổng thông tin"),
}


class AuthorityInputError(ValueError):
    """Input that cannot make an authority; `errors` maps a field name to what is wrong."""

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__(
            "; ".join(f"{FIELD_LABELS.get(f, f)}: {message}" for f, message in errors.items())
        )


@transaction.atomic
def authority_create(
    *,
    code: str,
    name: str,
    kind: str,
    parent_code: str | None = None,
    portal_domain: str | None = None,
) -> Authority:
    """A new overseeing body; its name is stored in NFC and its portal host lower-case IDNA.

    Raises AuthorityInputError mapping each bad field to a Vietnamese message.
    """
    errors = {}
    code = line_clean(code).lower()
    name = line_clean(name)
    if not code or code != code_from_name(code) or len(code) > 32:
        errors["code"] = _(
            "'%(code)s' không phải mã hợp lệ: chữ thường không dấu, chữ số và dấu '-', "
            "tối đa 32 ký tự."
        ) % {"code": code}
    elif Authority.objects.filter(code=code).exists():
        errors["code"] = _("đã có cơ quan quản lý mã %(code)s.") % {"code": code}
    if not name:
        errors["name"] = _("Cần có tên cơ quan quản lý.")
    if kind not in Authority.Kind.values:
        errors["kind"] = _("không rõ loại '%(kind)s'; dùng %(kinds)s.") % {
            "kind": kind,
            "kinds": ", ".join(Authority.Kind.values),
        }
    parent = None
    if parent_code:
        parent = Authority.objects.filter(code=line_clean(parent_code).lower()).first()
        if parent is None:
            errors["parent"] = _("không có cơ quan quản lý mã %(code)s.") % {"code": parent_code}
    if portal_domain:
        portal_domain, problem = host_for_new_site(portal_domain)
        if problem:
            errors["domain"] = problem
    if errors:
        raise AuthorityInputError(errors)
    return Authority.objects.create(
        code=code, name=name, kind=kind, parent=parent, portal_domain=portal_domain or None
    )
