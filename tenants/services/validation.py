"""Checks on what people type when they create a school, each with a specific Vietnamese message.

Vietnamese names with diacritics are welcome; the short code and the schema name derived from
them are ASCII (`THCS Nguyễn Du` → code `thcs-nguyen-du`, schema `thcs_nguyen_du`). All text is
brought to NFC first (tenants/text.py), so a name pasted in NFD is the same name.
"""

import re
from dataclasses import dataclass

from anyascii import anyascii
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tenants.utils import schema_exists

from tenants.hosts import HostError, host_for_lookup, host_normalise
from tenants.models import Authority, Domain, Level, School
from tenants.text import line_clean, text_nfc

SCHEMA_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
POOL_PREFIX = "pool_"
RESERVED_SCHEMAS = {"public", "information_schema"}
NAME_MAX_LENGTH = 255  # School.name
EMAIL_MAX_LENGTH = 254  # School.principal_email (EmailField) and the principal's account

# What each field is called where people read an error about it.
FIELD_LABELS = {
    "authority": gettext_lazy("Cơ quan quản lý"),
    "name": gettext_lazy("Tên trường"),
    "levels": gettext_lazy("Cấp học"),
    "domain": gettext_lazy("Tên miền"),
    "code": gettext_lazy("Mã trường"),
    "schema_name": gettext_lazy("Tên schema"),
    "principal_email": gettext_lazy("E-mail hiệu trưởng"),
    "serves_meals": gettext_lazy("Bán trú"),
    "school": gettext_lazy("Trường"),
    "reason": gettext_lazy("Lý do"),
}

# Level names as offices write them, compared by `_level_key` (no tone marks, lower case).
# Nhà trẻ (nursery) and mẫu giáo (kindergarten) are the two parts of mầm non (preschool).
LEVEL_WORDS = {
    **dict.fromkeys(
        ["preschool", "mam non", "mau giao", "nha tre", "mn", "mg", "nt", "giao duc mam non"],
        Level.PRESCHOOL,
    ),
    **dict.fromkeys(["primary", "tieu hoc", "th", "cap 1", "cap i"], Level.PRIMARY),
    **dict.fromkeys(
        ["lower secondary", "thcs", "trung hoc co so", "cap 2", "cap ii"], Level.LOWER_SECONDARY
    ),
}
# Levels the platform does not host (upper secondary and above): a specific refusal.
OTHER_LEVEL_WORDS = {"thpt", "trung hoc pho thong", "cap 3", "cap iii", "dai hoc", "cao dang"}
# "Liên cấp" (multi-level) alone does not say which levels: a school so described may be
# TH & THCS, MN & TH & THCS or THCS & THPT, so it is refused with a question rather than guessed.
# Followed by levels ("Liên cấp TH và THCS") it means those levels.
MULTI_LEVEL = "lien cap"
LEVEL_SEPARATORS = re.compile(r"\s*(?:[,;&+/|()\-–]|\b(?:và|va|and)\b)\s*", re.IGNORECASE)


class SchoolInputError(ValueError):
    """Input that cannot make a school; `errors` maps a field name to what is wrong with it."""

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__(errors_text(errors))


def errors_text(errors: dict[str, str]) -> str:
    """`{"domain": "…"}` → `"Tên miền: …"`, fields joined by "; " in the order given."""
    return "; ".join(f"{FIELD_LABELS.get(f, f)}: {message}" for f, message in errors.items())


def _level_key(text: str) -> str:
    ascii_text = anyascii(text).lower().replace("_", " ")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", ascii_text).split()).removeprefix("truong ")


def _multi_level_strip(written: str) -> tuple[str, bool]:
    """`"Liên cấp TH và THCS"` → `("TH và THCS", True)`; also "Trường liên cấp …"."""
    words = written.split()
    for n in (2, 3):
        if len(words) >= n and _level_key(" ".join(words[:n])) == MULTI_LEVEL:
            return " ".join(words[n:]), True
    return written, False


def levels_parse(value: str | list[str] | tuple[str, ...] | None) -> list[str]:
    """Levels as written → canonical codes in the canonical order.

    Accepts the codes (`"primary,lower_secondary"`, a list of them) and what offices write, in
    any case, spacing, NFC or NFD: `"Mầm non"`, `"Mẫu giáo"`, `"Nhà trẻ"`, `"Tiểu học"`,
    `"THCS"`, `"TH và THCS"`, `"TH & THCS"`, `"Liên cấp TH-THCS"`… Raises SchoolInputError
    (field `levels`) for an unknown level, a bare "Liên cấp", or nothing.
    """
    written = line_clean(", ".join(value) if isinstance(value, list | tuple) else value)
    rest, multi = _multi_level_strip(written)
    parts = [part for part in LEVEL_SEPARATORS.split(rest) if _level_key(part)]
    if multi and not parts:
        raise SchoolInputError(
            {
                "levels": _(
                    "'%(written)s' chưa cho biết những cấp nào: ghi rõ, ví dụ 'TH và THCS' "
                    "hoặc 'Mầm non, Tiểu học'."
                )
                % {"written": written}
            }
        )
    if not parts:
        raise SchoolInputError(
            {"levels": _("Cần ít nhất một cấp học: Mầm non, Tiểu học hoặc THCS.")}
        )
    found = set()
    for part in parts:
        key = _level_key(part)
        if key in OTHER_LEVEL_WORDS:
            raise SchoolInputError(
                {
                    "levels": _(
                        "Cấp '%(part)s' không thuộc nền tảng này: chỉ Mầm non, Tiểu học và THCS."
                    )
                    % {"part": part}
                }
            )
        if key not in LEVEL_WORDS:
            raise SchoolInputError(
                {
                    "levels": _(
                        "Không nhận ra cấp học '%(written)s'. Ghi một hay nhiều cấp: Mầm non "
                        "(Nhà trẻ, Mẫu giáo), Tiểu học, THCS; ví dụ 'TH và THCS'."
                    )
                    % {"written": written}
                }
            )
        found.add(LEVEL_WORDS[key])
    return [level for level in Level.values if level in found]


def host_taken_problem(hostname: str) -> str | None:
    """Why the (stored-form) host cannot be given to a new school or portal, or None."""
    if Domain.objects.filter(domain=hostname).exists():
        return _("tên miền %(host)s đã có trường khác dùng.") % {"host": hostname}
    if Authority.objects.filter(portal_domain=hostname).exists():
        return _("tên miền %(host)s là cổng thông tin của một cơ quan quản lý.") % {
            "host": hostname
        }
    if hostname in {host_for_lookup(h) for h in settings.PLATFORM_HOSTS}:
        return _("tên miền %(host)s dành riêng cho nền tảng.") % {"host": hostname}
    return None


def host_for_new_site(value: str | None) -> tuple[str, str | None]:
    """(the host in stored form, why it cannot serve a new school or portal, or None)."""
    try:
        host = host_normalise(value)
    except HostError as exc:
        return "", str(exc)
    return host, host_taken_problem(host)


def code_from_name(name: str) -> str:
    """An ASCII short code for a school name (`Trường MN Hoa Sen` → `truong-mn-hoa-sen`)."""
    return slugify(anyascii(text_nfc(name)))[:63].strip("-")


def schema_name_problem(schema_name: str) -> str | None:
    template = settings.SCHOOL_TEMPLATE_SCHEMA
    if not SCHEMA_NAME.match(schema_name):
        return _(
            "'%(schema)s' không phải tên schema hợp lệ: chữ thường không dấu, chữ số và dấu "
            "gạch dưới, tối đa 63 ký tự, không bắt đầu bằng chữ số."
        ) % {"schema": schema_name}
    if schema_name in RESERVED_SCHEMAS or schema_name.startswith("pg_"):
        return _("'%(schema)s' là tên PostgreSQL dành riêng.") % {"schema": schema_name}
    if schema_name == template or schema_name.startswith(POOL_PREFIX):
        return _("'%(schema)s' dành cho các schema mẫu của nền tảng.") % {"schema": schema_name}
    return None


def schema_name_for_code(code: str) -> str:
    schema = code.replace("-", "_")
    return f"s_{schema}"[:63] if schema[:1].isdigit() else schema


def unique_code(base: str) -> str:
    """`base`, or `base-2`, `base-3`… when another school already has it."""
    taken = set(School.objects.filter(code__startswith=base).values_list("code", flat=True))
    if base not in taken:
        return base
    n = 2
    while f"{base[:58]}-{n}" in taken:
        n += 1
    return f"{base[:58]}-{n}"


def email_problem(email: str) -> str | None:
    """Why `email` (already NFC and trimmed) cannot be a principal's address, or None."""
    if len(email) > EMAIL_MAX_LENGTH:
        return _("dài quá %(max)d ký tự (%(length)d ký tự).") % {
            "max": EMAIL_MAX_LENGTH,
            "length": len(email),
        }
    try:
        validate_email(email)
    except ValidationError:
        return _("'%(email)s' không phải địa chỉ e-mail hợp lệ.") % {"email": email}
    return None


@dataclass(frozen=True)
class SchoolInput:
    """What a school will be made from, checked and in stored form."""

    name: str
    levels: list[str]
    domain: str
    code: str
    schema_name: str
    principal_email: str


def school_input_validate(
    *,
    authority: Authority | None,
    name: str,
    levels: str | list[str],
    domain: str,
    code: str | None = None,
    schema_name: str | None = None,
    principal_email: str | None = None,
) -> SchoolInput:
    """Check everything a new school needs and bring it to stored form, writing nothing.

    Text is NFC with single spaces; the host lower-case IDNA; levels canonical; the code given
    or derived from the name (made unique). Raises SchoolInputError naming every bad field.
    """
    errors: dict[str, str] = {}
    name = line_clean(name)
    if not name:
        errors["name"] = _("Cần có tên trường.")
    elif len(name) > NAME_MAX_LENGTH:
        errors["name"] = _("Tên trường dài quá %(max)d ký tự.") % {"max": NAME_MAX_LENGTH}
    if not isinstance(authority, Authority):
        errors["authority"] = _("Không rõ cơ quan quản lý.")
    try:
        levels = levels_parse(levels)
    except SchoolInputError as exc:
        errors.update(exc.errors)
    domain, problem = host_for_new_site(domain)
    if problem:
        errors["domain"] = problem
    code = line_clean(code).lower()
    if code:
        if code != code_from_name(code):
            errors["code"] = _(
                "'%(code)s' không phải mã hợp lệ: dùng chữ thường không dấu, chữ số và dấu '-'."
            ) % {"code": code}
        elif School.objects.filter(code=code).exists():
            errors["code"] = _("mã %(code)s đã có trường khác dùng.") % {"code": code}
    elif name:
        code = unique_code(code_from_name(name) or "truong")
    schema_name = line_clean(schema_name)
    if code and "code" not in errors:
        explicit_schema = bool(schema_name)
        schema_name = schema_name or schema_name_for_code(code)
        problem = schema_name_problem(schema_name)
        if not problem and (
            School.objects.filter(schema_name=schema_name).exists() or schema_exists(schema_name)
        ):
            problem = _("schema %(schema)s đã có.") % {"schema": schema_name}
        if problem:
            errors["schema_name" if explicit_schema else "code"] = problem
    principal_email = line_clean(principal_email)
    if principal_email:
        problem = email_problem(principal_email)
        if problem:
            errors["principal_email"] = problem
    if errors:
        raise SchoolInputError(errors)
    return SchoolInput(
        name=name,
        levels=levels,
        domain=domain,
        code=code,
        schema_name=schema_name,
        principal_email=principal_email,
    )
