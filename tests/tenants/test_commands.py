"""The provisioning CLI: JSON output and specific errors with a non-zero exit."""

import json
import unicodedata

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

pytestmark = pytest.mark.django_db


def test_create_school_prints_one_json_object(authority, capsys):
    call_command(
        "create_school",
        authority=authority.code,
        name="THCS Nguyễn Du",
        levels="lower_secondary",
        domain="thcs-nguyen-du.localhost",
        principal_email="ht@nguyendu.edu.vn",
        json=True,
    )
    data = json.loads(capsys.readouterr().out)
    assert data["schema_name"] == "thcs_nguyen_du"
    assert data["domain"] == "thcs-nguyen-du.localhost"
    assert data["url"] == "http://thcs-nguyen-du.localhost/"
    assert data["admin_url"] == "http://thcs-nguyen-du.localhost/admin/"
    assert data["set_password_url"].startswith(
        "http://thcs-nguyen-du.localhost/admin/password_reset/"
    )


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"authority": "khong-co"}, "Không có cơ quan quản lý mã 'khong-co'"),
        (
            {"domain": "bad_host.localhost"},
            "Tên miền: 'bad_host.localhost' không phải tên miền hợp lệ",
        ),
        ({"levels": "university"}, "Cấp học: Không nhận ra cấp học 'university'"),
        ({"schema": "public"}, "Tên schema: 'public' là tên PostgreSQL dành riêng"),
    ],
)
def test_create_school_bad_input_is_a_command_error(authority, options, message):
    arguments = {
        "authority": authority.code,
        "name": "THCS Lê Lợi",
        "levels": "lower_secondary",
        "domain": "thcs-le-loi.localhost",
        **options,
    }
    with pytest.raises(CommandError) as error:
        call_command("create_school", **arguments)
    assert message in str(error.value)
    assert error.value.returncode == 2


def test_create_school_with_nfd_text_and_a_host_in_capitals(authority, capsys):
    call_command(
        "create_school",
        authority=authority.code,
        name=unicodedata.normalize("NFD", "THCS Nguyễn Du"),
        levels=unicodedata.normalize("NFD", "Trung học cơ sở"),
        domain="THCS-Nguyen-Du.LOCALHOST.",
        json=True,
    )
    data = json.loads(capsys.readouterr().out)
    assert data["name"] == "THCS Nguyễn Du"
    assert unicodedata.is_normalized("NFC", data["name"])
    assert (data["domain"], data["levels"]) == ("thcs-nguyen-du.localhost", ["lower_secondary"])
