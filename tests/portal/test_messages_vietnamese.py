"""Every message the workplace and the reports show a person is Vietnamese (gettext): the
errors the services raise (their `str()` is shown as it is) and the views' flash messages.

Two guards: the faults a fresh user met, through the Django test client and the services, and
a reading of portal/ and reports/ that refuses a user-facing error or flash message written as
a bare literal (English slipped in that way before: "month … has not ended yet")."""

import ast
import datetime as dt
import pathlib

import pytest

from compliance.services.configuration import ConfigurationError
from portal.services.rules import rule_change_request
from portal.services.users import AuthorityUserError, authority_user_create

ROOT = pathlib.Path(__file__).resolve().parents[2]
# Exceptions whose text reaches a page or a command's output.
SHOWN_ERRORS = {
    "ReportError",
    "ReportNotIssuable",
    "AuthorityUserError",
    "ImportJobError",
    "ConfigurationError",
    "ParamInputError",
    "ValidationError",
    "AudienceError",
    "DateInputError",
}
FLASH = {"error", "warning", "info", "success"}


def _literal(node) -> bool:
    """A string written in place (plain or f-string), not through gettext."""
    return isinstance(node, ast.JoinedStr) or (
        isinstance(node, ast.Constant) and isinstance(node.value, str)
    )


def _bare_messages(path: pathlib.Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        owner = (
            func.value.id
            if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)
            else ""
        )
        if name in SHOWN_ERRORS and node.args and _literal(node.args[0]):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno} {name}")
        if owner == "messages" and name in FLASH and len(node.args) > 1 and _literal(node.args[1]):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno} messages.{name}")
    return found


def test_no_shown_message_is_a_bare_literal():
    files = [
        p
        for app in ("portal", "reports")
        for p in sorted((ROOT / app).rglob("*.py"))
        if "migrations" not in p.parts
    ]
    assert files
    bare = [hit for path in files for hit in _bare_messages(path)]
    assert bare == []


@pytest.mark.django_db
def test_a_month_not_ended_is_refused_in_vietnamese(portal_client, authority):
    client = portal_client(authority, "admin")
    from django.utils import timezone

    from reports.months import month_of, month_typed

    this_month = month_of(timezone.now())
    response = client.post("/quan-ly/bao-cao/tao/", {"thang": month_typed(this_month)}, follow=True)
    assert f"Tháng {month_typed(this_month)} chưa kết thúc" in response.text
    assert "has not ended" not in response.text


@pytest.mark.django_db
def test_service_errors_are_vietnamese(authority):
    with pytest.raises(AuthorityUserError, match="không phải là một địa chỉ e-mail hợp lệ"):
        authority_user_create(authority=authority, email="abc", role="admin")
    with pytest.raises(AuthorityUserError, match="Vai trò “boss” không có"):
        authority_user_create(authority=authority, email="a@b.vn", role="boss")
    # a value the kind's schema refuses (the form's checks bypassed): the parameter by name
    with pytest.raises(ConfigurationError) as refused:
        rule_change_request(
            authority=authority,
            ruleset_id="letter-2015",
            rule_id="news-weekly",
            params={"count": 0},
            effective_from=dt.date(2026, 1, 1),
            actor="a",
            today=dt.date(2026, 1, 1),
        )
    message = str(refused.value)
    assert message.startswith("Giá trị không hợp lệ cho quy định “Tin tức sự kiện")
    assert "Số trang cần có" in message and "count" not in message
