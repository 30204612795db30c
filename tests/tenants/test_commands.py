"""The provisioning CLI: JSON output and specific errors with a non-zero exit."""

import json

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
        ({"authority": "khong-co"}, "unknown authority code 'khong-co'"),
        ({"domain": "bad_host.localhost"}, "domain: 'bad_host.localhost' is not a valid host name"),
        ({"levels": "university"}, "levels: unknown level(s) university"),
        ({"schema": "public"}, "schema_name: 'public' is reserved by PostgreSQL"),
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
