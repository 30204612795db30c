"""Host names: stored lower-case IDNA, matched whatever the case and with a trailing dot."""

import pytest
from django.db import IntegrityError, transaction

from tenants.hosts import HostError, host_normalise
from tenants.models import Authority, Domain
from tests.factories import authority_make, school_make


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("THCS-Nguyen-Du.LOCALHOST.", "thcs-nguyen-du.localhost"),
        ("  thcs-nguyen-du.edu.vn  ", "thcs-nguyen-du.edu.vn"),
        ("https://www.THCS-Nguyen-Du.edu.vn/trang-chu", "thcs-nguyen-du.edu.vn"),
        ("trường-nguyễn-du.edu.vn", "xn--trng-nguyn-du-xqd6972i0ka.edu.vn"),
        ("TRƯỜNG-NGUYỄN-DU.edu.vn", "xn--trng-nguyn-du-xqd6972i0ka.edu.vn"),
        ("xn--trng-nguyn-du-xqd6972i0ka.edu.vn", "xn--trng-nguyn-du-xqd6972i0ka.edu.vn"),
    ],
)
def test_hosts_are_stored_lower_case_idna(written, stored):
    assert host_normalise(written) == stored


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("", "Cần có tên miền"),
        ("localhost", "cần có dấu chấm"),
        ("bad_host.localhost", "không phải tên miền hợp lệ"),
        ("-bad.localhost", "không phải tên miền hợp lệ"),
        ("truong a.localhost", "không phải tên miền hợp lệ"),
        ("ht@truong.edu.vn", "là địa chỉ e-mail"),
        ("a" * 64 + ".localhost", "không phải tên miền hợp lệ"),
    ],
)
def test_bad_hosts_are_refused_in_vietnamese(written, message):
    with pytest.raises(HostError) as error:
        host_normalise(written)
    assert message in str(error.value)


@pytest.mark.django_db
def test_any_case_and_a_trailing_dot_reach_the_school(client, authority):
    school_make(authority=authority, name="THCS Nguyễn Du", domain="thcs-nguyen-du.localhost")
    for host in (
        "THCS-Nguyen-Du.LOCALHOST.",
        "thcs-nguyen-du.localhost.",
        "Thcs-Nguyen-Du.Localhost",
        "THCS-NGUYEN-DU.LOCALHOST.:8000",
        "www.thcs-nguyen-du.localhost",
    ):
        response = client.get("/", HTTP_HOST=host)
        assert response.status_code == 200, host
        assert "THCS Nguyễn Du" in response.content.decode(), host


@pytest.mark.django_db
def test_an_internationalised_host_is_stored_as_punycode_and_served(client, authority):
    school = school_make(authority=authority, name="THCS Nguyễn Du", domain="trường-nguyễn-du.vn")
    assert school.domains.get().domain == "xn--trng-nguyn-du-xqd6972i0ka.vn"
    assert school.provisioned.url == "http://xn--trng-nguyn-du-xqd6972i0ka.vn/"
    # Browsers send the A-label; any case of it reaches the school.
    response = client.get("/", HTTP_HOST="XN--TRNG-NGUYN-DU-XQD6972I0KA.VN.")
    assert response.status_code == 200
    assert "THCS Nguyễn Du" in response.content.decode()


@pytest.mark.django_db
def test_the_authority_portal_host_is_matched_the_same_way(client):
    authority = authority_make(portal_domain="PGD-Phong-Dien.LOCALHOST.")
    assert authority.portal_domain == "pgd-phong-dien.localhost"
    response = client.get("/", HTTP_HOST="PGD-Phong-Dien.Localhost.")
    assert response.status_code == 200
    assert response.wsgi_request.authority == authority


@pytest.mark.django_db
def test_a_host_differing_only_in_case_is_taken(authority):
    school_make(authority=authority, domain="thcs-le-loi.localhost")
    from tenants.services.validation import SchoolInputError

    with pytest.raises(SchoolInputError) as error:
        school_make(authority=authority, domain="THCS-Le-Loi.Localhost.")
    assert "đã có trường khác dùng" in error.value.errors["domain"]


@pytest.mark.django_db
def test_the_database_refuses_a_host_that_is_not_normalised(school):
    """A write that skips the services cannot store a host the middleware would never match."""
    with pytest.raises(IntegrityError), transaction.atomic():
        Domain.objects.create(domain="Khac.LOCALHOST", tenant=school)
    with pytest.raises(IntegrityError), transaction.atomic():
        Domain.objects.create(domain="khac.localhost.", tenant=school)
    with pytest.raises(IntegrityError), transaction.atomic():
        Authority.objects.create(code="x", name="X", kind="district", portal_domain="X.localhost")


def test_the_migration_normalises_existing_hosts():
    from importlib import import_module

    migration = import_module("tenants.migrations.0003_hosts_and_names_normalised")
    assert migration.host_stored("THCS-A.Localhost.") == "thcs-a.localhost"
    assert migration.host_stored("trường.vn") == "xn--trng-rib8295b.vn"
    assert migration.host_stored("not a host") == "not a host"  # left for a person to fix
