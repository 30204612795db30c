"""The workplace's histories in words: an `AuditEntry`'s before/after (stored as codes and
JSON, portal/services/*) as one Vietnamese line a specialist reads, e.g. "Quản trị → Thanh tra
(chỉ xem)" or "Đang hoạt động → Tạm ngừng". Codes never reach the page: roles, statuses,
levels, dates and yes/no are turned into their labels here, for every action (a new action
without a line of its own falls back to labelled fields, never to raw JSON)."""

import datetime as dt

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.models import AuditEntry, AuthorityMembership
from tenants.models import Level, School

Action = AuditEntry.Action

# What each stored key means, for the fallback and for the report document's fields.
KEY_LABELS = {
    "role": gettext_lazy("vai trò"),
    "status": gettext_lazy("tình trạng"),
    "email": gettext_lazy("e-mail"),
    "domain": gettext_lazy("tên miền"),
    "name": gettext_lazy("tên"),
    "levels": gettext_lazy("cấp học"),
    "sent": gettext_lazy("thư mời"),
    "job": gettext_lazy("lần nhập"),
    "to_create": gettext_lazy("số trường sẽ tạo"),
    "audience": gettext_lazy("người nhận"),
    "schools": gettext_lazy("số trường"),
    "doc_number": gettext_lazy("số"),
    "doc_symbol": gettext_lazy("ký hiệu"),
    "doc_place": gettext_lazy("địa danh"),
    "doc_date": gettext_lazy("ngày ban hành"),
    "issuer_parent": gettext_lazy("cơ quan chủ quản"),
    "issuer": gettext_lazy("cơ quan ban hành"),
    "signer_title": gettext_lazy("chức vụ người ký"),
    "signer_name": gettext_lazy("người ký"),
    "recipients": gettext_lazy("nơi nhận"),
    "cover_note": gettext_lazy("nội dung dẫn"),
    "semester1": gettext_lazy("học kỳ I"),
    "semester2": gettext_lazy("học kỳ II"),
    "breaks": gettext_lazy("tuần nghỉ"),
    "source": gettext_lazy("nguồn"),
}
NONE = "—"


def role_label(code: str | None) -> str:
    """ "inspector" → "Thanh tra (chỉ xem)"; "—" for none; an unknown code as it is."""
    if not code:
        return NONE
    try:
        return str(AuthorityMembership.Role(code).label)
    except ValueError:
        return code


def status_label(code: str | None) -> str:
    if not code:
        return NONE
    try:
        return str(School.Status(code).label)
    except ValueError:
        return code


def value_text(key: str, value) -> str:
    """One stored value in words (dates dd/mm/yyyy, levels by name, yes/no)."""
    if value in (None, "", [], {}):
        return NONE
    if key == "role":
        return role_label(value)
    if key == "status":
        return status_label(value)
    if key == "levels":
        return ", ".join(_level(code) for code in value)
    if key == "sent" or isinstance(value, bool):
        return _("đã gửi") if value else _("không gửi được")
    if key in ("semester1", "semester2") and isinstance(value, list):
        return " – ".join(_date(v) for v in value)
    if key == "breaks" and isinstance(value, list):
        return ", ".join(f"{label} ({_date(monday)})" for monday, label in value) or NONE
    if key == "source":
        return {"own": _("riêng của cơ quan"), "default": _("mặc định")}.get(value, str(value))
    if isinstance(value, str) and len(value) == 10 and value[4] == "-":
        return _date(value)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value).replace("\n", " / ")


def audit_change_text(entry: AuditEntry) -> str:
    """The entry's change in one Vietnamese line (the reason is shown apart)."""
    before, after = entry.before or {}, entry.after or {}
    if entry.action in (Action.USER_INVITE, Action.USER_ROLE):
        if before.get("role"):
            return f"{role_label(before['role'])} → {role_label(after.get('role'))}"
        return _("Vai trò: %(role)s") % {"role": role_label(after.get("role"))}
    if entry.action == Action.USER_DEACTIVATE:
        return _("Vai trò trước khi khóa: %(role)s") % {"role": role_label(before.get("role"))}
    if entry.action in (Action.SCHOOL_SUSPEND, Action.SCHOOL_RESUME):
        return f"{status_label(before.get('status'))} → {status_label(after.get('status'))}"
    if entry.action == Action.PRINCIPAL_CHANGE:
        return f"{before.get('email') or NONE} → {after.get('email') or NONE}"
    if entry.action == Action.INVITATION_SEND:
        return _("Thư mời đến %(email)s: %(sent)s") % {
            "email": after.get("email") or NONE,
            "sent": value_text("sent", after.get("sent")),
        }
    if entry.action == Action.SCHOOLS_IMPORT:
        return _("Lần nhập số %(job)s: %(n)s trường sẽ tạo") % {
            "job": after.get("job", NONE),
            "n": after.get("to_create", 0),
        }
    if entry.action == Action.MESSAGE_SEND:
        return _("Gửi đến %(audience)s") % {"audience": after.get("audience") or NONE}
    return _changed_fields(before, after)


def _changed_fields(before: dict, after: dict) -> str:
    """ "số: — → 12; người ký: Nguyễn Văn A" for the keys that changed (or are new)."""
    parts = []
    for key in [*after, *(k for k in before if k not in after)]:
        old, new = before.get(key), after.get(key)
        if before and old == new:
            continue
        label = str(KEY_LABELS.get(key, key))
        if before:
            parts.append(f"{label}: {value_text(key, old)} → {value_text(key, new)}")
        else:
            parts.append(f"{label}: {value_text(key, new)}")
    return "; ".join(parts) or NONE


def _level(code: str) -> str:
    try:
        return str(Level(code).label)
    except ValueError:
        return code


def _date(iso: str) -> str:
    try:
        return dt.date.fromisoformat(iso).strftime("%d/%m/%Y")
    except (TypeError, ValueError):
        return str(iso)
