"""Provisioning has the school's site built by the class `SCHOOL_SITE_BUILDER` names
(tenants/site_builder.py): tenants itself imports nothing about pages or roles."""

import pytest
from django.contrib.auth import get_user_model
from django_tenants.utils import schema_context

from sitepages.roles import PRINCIPAL_GROUP
from sitepages.site_builder import SchoolSiteBuilder
from tenants.services.provisioning import school_provision
from tenants.services.template import template_fingerprint

pytestmark = pytest.mark.django_db
calls = []


class RecordingBuilder(SchoolSiteBuilder):
    """sitepages' builder, remembering what it was asked to do."""

    def school_build(self, *, school, hostname, port):
        calls.append(("school_build", school.code, hostname))
        super().school_build(school=school, hostname=hostname, port=port)

    def principal_grant(self, user):
        calls.append(("principal_grant", user.email))
        super().principal_grant(user)


def test_provisioning_calls_the_builder_named_in_the_settings(authority, settings):
    settings.SCHOOL_SITE_BUILDER = "tests.tenants.test_site_builder.RecordingBuilder"
    calls.clear()
    created = school_provision(
        authority=authority,
        name="THCS Kim Đồng",
        levels="lower_secondary",
        domain="thcs-kim-dong.localhost",
        principal_email="ht@kimdong.edu.vn",
    )
    assert calls == [
        ("school_build", "thcs-kim-dong", "thcs-kim-dong.localhost"),
        ("principal_grant", "ht@kimdong.edu.vn"),
    ]
    with schema_context(created.school.schema_name):
        principal = get_user_model().objects.get()
        assert list(principal.groups.values_list("name", flat=True)) == [PRINCIPAL_GROUP]


def test_the_template_fingerprint_carries_the_builders_version():
    assert f"-t{SchoolSiteBuilder.version}-" in template_fingerprint()
