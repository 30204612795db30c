"""Signed tokens in the links of subscription e-mails (django.core.signing, SECRET_KEY).

A confirmation token carries the address and topics (nothing is stored before it is opened)
and expires after `CONFIRM_MAX_AGE`; an unsubscribe token carries the address and never
expires (a link in a years-old message must still work). Both are salted with the school's
schema name: a token made for one school is refused by every other.
"""

from django.core import signing
from django.db import connection

CONFIRM_MAX_AGE = 7 * 24 * 3600  # seconds


class TokenInvalid(ValueError):
    """The token was altered, made for another school, or (confirmation) expired."""


def _salt(purpose: str) -> str:
    return f"sitepages.subscriptions.{purpose}:{connection.schema_name}"


def confirm_token_make(*, email: str, topics: list[str]) -> str:
    return signing.dumps({"e": email, "t": sorted(topics)}, salt=_salt("confirm"), compress=True)


def confirm_token_read(token: str, *, max_age: int = CONFIRM_MAX_AGE) -> tuple[str, list[str]]:
    """(email, topics) from a confirmation token; raises TokenInvalid."""
    try:
        data = signing.loads(token, salt=_salt("confirm"), max_age=max_age)
        return str(data["e"]), [str(topic) for topic in data["t"]]
    except (signing.BadSignature, KeyError, TypeError) as error:
        raise TokenInvalid(str(error)) from error


def cancel_token_make(*, email: str) -> str:
    return signing.dumps({"e": email}, salt=_salt("cancel"))


def cancel_token_read(token: str) -> str:
    """The address an unsubscribe token was made for; raises TokenInvalid."""
    try:
        return str(signing.loads(token, salt=_salt("cancel"))["e"])
    except (signing.BadSignature, KeyError, TypeError) as error:
        raise TokenInvalid(str(error)) from error
