"""Provisioning a school: success, each bad input, atomicity."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django_tenants.utils import schema_context, schema_exists
from wagtail.models import Site

from sitepages.models import HomePage
from tenants.models import Domain, School
from tenants.services import provisioning
from tenants.services.provisioning import school_provision
from tenants.services.validation import SchoolInputError
from tests.factories import school_make

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["pool", "clone"])
def schema_source(request):
    """Each test below runs once on a pooled schema and once on a fresh clone."""
    if request.param == "clone":
        request.getfixturevalue("empty_pool")
    return request.param


def test_provisioned_school_has_schema_site_home_and_principal(authority, schema_source):
    created = school_provision(
        authority=authority,
        name="THCS Nguyễn Du",
        levels="lower_secondary",
        domain="thcs-nguyen-du.localhost",
        principal_email="HieuTruong@NguyenDu.edu.vn",
    )
    school = created.school
    assert created.source == schema_source
    assert school.schema_name == "thcs_nguyen_du"
    assert school.code == "thcs-nguyen-du"
    assert school.levels == ["lower_secondary"]
    assert schema_exists("thcs_nguyen_du")
    assert Domain.objects.get(domain="thcs-nguyen-du.localhost").tenant == school
    assert created.as_dict()["url"].startswith("http://thcs-nguyen-du.localhost")
    with schema_context(school.schema_name):
        site = Site.objects.get()
        assert site.hostname == "thcs-nguyen-du.localhost"
        assert site.root_page.specific.__class__ is HomePage
        assert site.root_page.title == "THCS Nguyễn Du"
        principal = get_user_model().objects.get()
        assert principal.email == "hieutruong@nguyendu.edu.vn"
        assert not principal.has_usable_password()
        assert principal.has_perm("wagtailadmin.access_admin")
    assert "/admin/password_reset/confirm/" in created.set_password_url


def test_combined_levels_and_diacritics_give_unique_ascii_names(authority):
    first = school_make(
        authority=authority, name="Trường TH & THCS Đông Hòa", levels="primary,lower_secondary"
    )
    second = school_make(
        authority=authority, name="Trường TH & THCS Đông Hòa", levels="lower_secondary,primary"
    )
    assert first.code == "truong-th-thcs-dong-hoa"
    assert second.code == "truong-th-thcs-dong-hoa-2"
    assert second.schema_name == "truong_th_thcs_dong_hoa_2"
    assert first.levels == ["primary", "lower_secondary"] == second.levels


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"domain": "truong a.localhost"}, "domain", "not a valid host name"),
        ({"domain": "trường.localhost"}, "domain", "no diacritics"),
        ({"domain": "localhost"}, "domain", "needs a dot"),
        ({"domain": "-bad.localhost"}, "domain", "not a valid host name"),
        ({"levels": "primary,high_school"}, "levels", "unknown level(s) high_school"),
        ({"levels": ""}, "levels", "at least one level"),
        ({"name": "  "}, "name", "required"),
        ({"schema_name": "public"}, "schema_name", "reserved by PostgreSQL"),
        ({"schema_name": "pg_school"}, "schema_name", "reserved by PostgreSQL"),
        ({"schema_name": "school_template"}, "schema_name", "template"),
        ({"schema_name": "Bad-Name"}, "schema_name", "not a valid schema name"),
        ({"code": "Mã Trường"}, "code", "not a valid code"),
        ({"principal_email": "not-an-email"}, "principal_email", "not a valid e-mail"),
    ],
)
def test_bad_input_names_the_field_and_creates_nothing(authority, changes, field, message):
    arguments = {
        "authority": authority,
        "name": "THCS Lê Lợi",
        "levels": "lower_secondary",
        "domain": "thcs-le-loi.localhost",
        **changes,
    }
    with pytest.raises(SchoolInputError) as error:
        school_provision(**arguments)
    assert message in error.value.errors[field]
    assert not School.objects.real().exists()
    assert not Domain.objects.exists()


def test_duplicate_domain_and_code_are_refused(school):
    host = school.provisioned.domain
    with pytest.raises(SchoolInputError) as error:
        school_provision(
            authority=school.authority,
            name="Khác",
            levels="primary",
            domain=host.upper(),
            code=school.code,
        )
    assert "already used by another school" in error.value.errors["domain"]
    assert "already used by another school" in error.value.errors["code"]


def test_authority_portal_host_cannot_become_a_school_host(authority):
    with pytest.raises(SchoolInputError) as error:
        school_make(authority=authority, domain=authority.portal_domain)
    assert "authority's portal" in error.value.errors["domain"]


def test_a_failure_midway_leaves_no_school_domain_or_schema(authority, monkeypatch, schema_source):
    from tenants.models import PooledSchema

    pooled = set(PooledSchema.objects.values_list("schema_name", flat=True))

    def broken_principal(**kwargs):
        raise RuntimeError("mail server exploded")

    monkeypatch.setattr(provisioning, "_principal_create", broken_principal)
    with pytest.raises(RuntimeError):
        school_provision(
            authority=authority,
            name="THCS Trần Phú",
            levels="lower_secondary",
            domain="thcs-tran-phu.localhost",
            principal_email="ht@tranphu.edu.vn",
        )
    connection.set_schema_to_public()
    assert not School.objects.filter(code="thcs-tran-phu").exists()
    assert not Domain.objects.filter(domain="thcs-tran-phu.localhost").exists()
    assert not schema_exists("thcs_tran_phu")
    # A claimed pooled schema goes back to the pool with the rollback.
    assert set(PooledSchema.objects.values_list("schema_name", flat=True)) == pooled
    assert all(schema_exists(name) for name in pooled)


def test_the_sections_went_live_when_the_school_was_created(authority, schema_source):
    """Compliance evidence reads Wagtail's publish log: a new school's pages must show as
    published at its creation, not when the template was built."""
    from wagtail.models import Page, PageLogEntry

    school = school_make(authority=authority, levels="preschool")  # + the menu section
    assert school.provisioned.source == schema_source
    with schema_context(school.schema_name):
        live = Page.objects.filter(depth__gt=1, live=True)
        published = PageLogEntry.objects.filter(action="wagtail.publish")
        assert sorted(published.values_list("page_id", flat=True)) == sorted(
            live.values_list("pk", flat=True)
        )
        assert all(abs((e.timestamp - school.created_at).total_seconds()) < 60 for e in published)
        for page in live:
            assert page.live_revision_id and page.first_published_at == page.last_published_at
            assert abs((page.first_published_at - school.created_at).total_seconds()) < 60
        for entry in published.select_related("revision"):
            assert entry.revision.object_id == str(entry.page_id)


def test_a_primary_school_that_serves_meals_gets_the_menu_section(authority):
    from sitepages.models import MenuIndexPage

    with_meals = school_make(authority=authority, levels="primary", serves_meals=True)
    without = school_make(authority=authority, levels="primary")
    with schema_context(with_meals.schema_name):
        assert MenuIndexPage.objects.filter(slug="thuc-don", live=True).exists()
    with schema_context(without.schema_name):
        assert not MenuIndexPage.objects.exists()
