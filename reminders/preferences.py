"""What each address wants to receive (no row: everything), and the signed links that let a
school's staff change it without an account on the portal."""

from __future__ import annotations

from django.core import signing

from reminders.models import ReminderPreference

PUBLIC = "public"  # the schema name authority users' preferences are kept under
KIND_FIELDS = {"before_due": "before_due", "late": "when_late", "digest": "weekly_digest"}
_SALT = "reminders.preferences"


def preference_get(*, schema_name: str, email: str) -> ReminderPreference:
    email = email.strip().lower()
    found = ReminderPreference.objects.filter(schema_name=schema_name, email=email).first()
    return found or ReminderPreference(schema_name=schema_name, email=email)


def preference_save(
    *, schema_name: str, email: str, before_due: bool, when_late: bool, weekly_digest: bool
) -> ReminderPreference:
    preference, _ = ReminderPreference.objects.update_or_create(
        schema_name=schema_name,
        email=email.strip().lower(),
        defaults={
            "before_due": before_due,
            "when_late": when_late,
            "weekly_digest": weekly_digest,
        },
    )
    return preference


def addresses_opted_out(*, schema_name: str, emails: list[str], kind: str) -> set[str]:
    """The addresses among `emails` that turned this kind of message off (one query)."""
    field = KIND_FIELDS[kind]
    return set(
        ReminderPreference.objects.filter(
            schema_name=schema_name, email__in=[e.lower() for e in emails], **{field: False}
        ).values_list("email", flat=True)
    )


def preference_token(*, schema_name: str, email: str) -> str:
    return signing.dumps({"s": schema_name, "e": email.lower()}, salt=_SALT, compress=True)


def preference_token_read(token: str) -> tuple[str, str] | None:
    """(schema_name, email) from a link's token, or None when it was tampered with."""
    try:
        data = signing.loads(token, salt=_SALT)
    except signing.BadSignature:
        return None
    return data.get("s"), data.get("e")
