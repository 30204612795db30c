"""Command-line messages are Vietnamese (gettext), with English in each app's locale/en."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

pytestmark = pytest.mark.django_db

CASES = [
    (("suspend_school", "khong-co"), {}, "Không tìm thấy trường", "No school with"),
    (("delete_school", "khong-co"), {"confirm": "x"}, "Không tìm thấy trường", "No school with"),
    (("evaluate_compliance",), {}, "Hãy chọn trường", "Name a school"),
    (
        ("compliance_report",),
        {"school": "khong-co"},
        "không tìm thấy trường",
        "no school with",
    ),
    (
        ("set_rule_parameters",),
        {"authority": "khong-co", "rule": "a/b", "params": "{}", "by": "x@example.vn"},
        "không có cơ quan quản lý mã “khong-co”",
        "unknown authority code “khong-co”",
    ),
    (
        ("monthly_report",),
        {"authority": "khong-co", "month": "2026-10"},
        "không có cơ quan quản lý mã “khong-co”",
        "unknown authority code “khong-co”",
    ),
    (
        ("create_authority_user",),
        {"authority": "khong-co", "email": "a@example.vn", "role": "admin"},
        "không có cơ quan quản lý mã “khong-co”",
        "unknown authority code “khong-co”",
    ),
]


@pytest.mark.parametrize(("args", "options", "vietnamese", "english"), CASES)
def test_bad_input_is_a_vietnamese_message_and_english_on_request(
    args, options, vietnamese, english
):
    with pytest.raises(CommandError) as refused:
        call_command(*args, **options)
    assert vietnamese in str(refused.value)
    with translation.override("en"), pytest.raises(CommandError) as refused:
        call_command(*args, **options)
    assert english in str(refused.value)


def test_set_rule_parameters_refuses_bad_json_in_vietnamese(authority):
    with pytest.raises(CommandError, match="không phải JSON"):
        call_command(
            "set_rule_parameters",
            authority=authority.code,
            rule="letter-2015/news-weekly",
            params="{count: 3",
            by="x@example.vn",
        )
