"""Provisioning a school: success, each bad input, atomicity."""

import unicodedata

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
        ({"domain": "truong a.localhost"}, "domain", "không phải tên miền hợp lệ"),
        ({"domain": "truong..localhost"}, "domain", "không phải tên miền hợp lệ"),
        ({"domain": "localhost"}, "domain", "cần có dấu chấm"),
        ({"domain": "-bad.localhost"}, "domain", "không phải tên miền hợp lệ"),
        ({"levels": "primary,high_school"}, "levels", "Không nhận ra cấp học"),
        ({"levels": ""}, "levels", "Cần ít nhất một cấp học"),
        ({"name": "  "}, "name", "Cần có tên trường"),
        ({"name": "Trường " * 40}, "name", "dài quá 255 ký tự"),
        ({"schema_name": "public"}, "schema_name", "là tên PostgreSQL dành riêng"),
        ({"schema_name": "pg_school"}, "schema_name", "là tên PostgreSQL dành riêng"),
        ({"schema_name": "school_template"}, "schema_name", "schema mẫu"),
        ({"schema_name": "Bad-Name"}, "schema_name", "không phải tên schema hợp lệ"),
        ({"code": "Mã Trường"}, "code", "không phải mã hợp lệ"),
        ({"principal_email": "not-an-email"}, "principal_email", "không phải địa chỉ e-mail"),
        ({"principal_email": "a" * 64 + "@" + "b" * 250 + ".vn"}, "principal_email", "dài quá 254"),
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
    assert "đã có trường khác dùng" in error.value.errors["domain"]
    assert "đã có trường khác dùng" in error.value.errors["code"]


def test_nfd_text_is_stored_as_the_nfc_a_person_types(authority):
    """Text pasted from macOS or Word arrives decomposed; it must equal the typed name."""
    typed = "Trường THCS Nguyễn Du"
    pasted = unicodedata.normalize("NFD", f"  {typed.replace(' ', chr(0xA0), 1)}\u200b ")
    assert pasted != typed
    created = school_provision(
        authority=authority,
        name=pasted,
        levels=unicodedata.normalize("NFD", "Trung học cơ sở"),
        domain="THCS-Nguyen-Du.Localhost.",
        principal_email=" ht@nguyendu.edu.vn ",
    )
    school = School.objects.get(pk=created.school.pk)
    assert school.name == typed
    assert (school.code, school.levels) == ("truong-thcs-nguyen-du", ["lower_secondary"])
    assert school.principal_email == "ht@nguyendu.edu.vn"
    assert school.domains.get().domain == "thcs-nguyen-du.localhost"
    with schema_context(school.schema_name):
        site = Site.objects.get()
        assert site.site_name == typed and site.root_page.title == typed
    # The same name typed in NFC is the same name: it gets the next code.
    assert school_make(authority=authority, name=typed).code == "truong-thcs-nguyen-du-2"


def test_authority_names_and_portal_hosts_are_normalised_too():
    from tests.factories import authority_make

    body = authority_make(
        name=unicodedata.normalize("NFD", " Phòng GD&ĐT  Phong Điền "),
        portal_domain="PGD-Phong-Dien.LOCALHOST.",
    )
    body.refresh_from_db()
    assert body.name == "Phòng GD&ĐT Phong Điền"
    assert body.portal_domain == "pgd-phong-dien.localhost"


def test_authority_portal_host_cannot_become_a_school_host(authority):
    with pytest.raises(SchoolInputError) as error:
        school_make(authority=authority, domain=authority.portal_domain)
    assert "cổng thông tin của một cơ quan quản lý" in error.value.errors["domain"]


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
