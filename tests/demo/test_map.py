"""The demo's administrative map: a provincial department, three communes/wards under it with
their own portal hosts and schools of every level; the province sees every school."""

import pytest

from demo.data import DEMO_COMMUNES, DEMO_SCHOOLS
from demo.loading import demo_load
from tenants.selectors import schools_of_authority


def test_every_commune_oversees_schools_of_every_level():
    for commune in DEMO_COMMUNES:
        mine = [s for s in DEMO_SCHOOLS if s[4] == commune["code"]]
        assert len(mine) >= 3, commune["code"]
        levels = {level for s in mine for level in s[1].split(",")}
        assert levels == {"preschool", "primary", "lower_secondary"}, commune["code"]
        assert commune["kind"] == "commune" and commune["portal_domain"].endswith(".localhost")


@pytest.mark.django_db
def test_the_province_sees_the_schools_of_all_three_communes():
    one_each = [next(s for s in DEMO_SCHOOLS if s[4] == c["code"]) for c in DEMO_COMMUNES]
    demo = demo_load(log=lambda *_: None, schools=one_each)
    province, communes = demo["province"], demo["communes"]
    assert province.kind == "province" and {c.parent_id for c in communes} == {province.pk}
    assert len({c.portal_domain for c in communes}) == 3
    assert {s.name for s in schools_of_authority(province)} == {s[0] for s in one_each}
    for commune, school in zip(communes, one_each, strict=True):
        assert [s.name for s in schools_of_authority(commune)] == [school[0]]
    roles = {(host, role) for host, _email, role in demo["portal_logins"]}
    assert ("so-gddt-hue.localhost", "admin") in roles
    assert {c.portal_domain for c in communes} <= {host for host, _ in roles}


@pytest.mark.django_db
def test_the_demos_published_reports_are_filled_documents(frozen_now):
    import datetime as dt

    from demo.history import demo_reports_publish
    from reports.exports.document import report_document
    from reports.models import MonthlyReport
    from tests.crafting import month_of_each_category
    from tests.factories import authority_make

    province = authority_make(kind="province", code="so-gddt-hue")
    commune = authority_make(kind="commune", code="phong-thai", parent=province)
    month_of_each_category(commune)
    assert demo_reports_publish(authority=commune, since=dt.date(2026, 9, 1)) == [
        "2026-09",
        "2026-10",
    ]
    october = MonthlyReport.objects.get(authority=commune, month="2026-10")
    official = report_document(october)["official"]
    assert october.is_published and official["number_line"] == "Số: 2/TB-UBND"
    assert official["date_line"] == "Phong Thái, ngày 01 tháng 11 năm 2026"
    assert official["signer_name"] == "Nguyễn Văn An"
