"""Authority configuration: inheritance from the parent body, validation, and the audit trail."""

import datetime as dt

import pytest

from compliance.models import RuleParameterChange
from compliance.selectors import parameter_overrides, rulesets_in_force, school_calendar
from compliance.services.configuration import (
    ConfigurationError,
    calendar_year_set,
    rule_parameters_set,
    ruleset_assign,
)
from tests.factories import authority_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def province_and_district():
    province = authority_make(kind="province")
    return province, authority_make(parent=province)


def test_defaults_then_the_parents_choice_then_the_authoritys_own(province_and_district):
    province, district = province_and_district
    assert {e.ruleset.id for e in rulesets_in_force(district)} == {
        "letter-2015",
        "tt09-2024",
        "tt37-2020",
    }
    ruleset_assign(authority=province, ruleset_id="tt09-2024", effective_from=dt.date(2024, 7, 19))
    assert [e.ruleset.id for e in rulesets_in_force(district)] == ["tt09-2024"]
    ruleset_assign(authority=district, ruleset_id="letter-2015", effective_from=dt.date(2015, 2, 8))
    assert [e.ruleset.id for e in rulesets_in_force(district)] == ["letter-2015"]


def test_assignments_are_validated(province_and_district):
    province, _ = province_and_district
    with pytest.raises(ConfigurationError, match="unknown rule set 'tt99'"):
        ruleset_assign(authority=province, ruleset_id="tt99", effective_from=dt.date(2025, 1, 1))
    ruleset_assign(authority=province, ruleset_id="tt09-2024", effective_from=dt.date(2024, 7, 19))
    with pytest.raises(ConfigurationError, match="already in force"):
        ruleset_assign(
            authority=province, ruleset_id="tt09-2024", effective_from=dt.date(2025, 1, 1)
        )


def test_parameter_changes_are_checked_merged_and_recorded(province_and_district):
    province, district = province_and_district
    rule_parameters_set(
        authority=province,
        ruleset_id="letter-2015",
        rule_id="news-weekly",
        params={"count": 3},
        changed_by="so@hue.gov.vn",
    )
    rule_parameters_set(
        authority=district,
        ruleset_id="letter-2015",
        rule_id="news-weekly",
        params={"count": 1},
        changed_by="pgd@phongdien.gov.vn",
    )
    rule_parameters_set(
        authority=district,
        ruleset_id="letter-2015",
        rule_id="news-weekly",
        params={"count": 2},
        changed_by="pgd@phongdien.gov.vn",
    )
    assert parameter_overrides(district)[("letter-2015", "news-weekly")] == {"count": 2}
    assert parameter_overrides(province)[("letter-2015", "news-weekly")] == {"count": 3}
    latest = RuleParameterChange.objects.filter(authority=district).first()
    assert (latest.before, latest.after, latest.changed_by) == (
        {"count": 1},
        {"count": 2},
        "pgd@phongdien.gov.vn",
    )
    with pytest.raises(ConfigurationError, match="news-weekly: parameter 'count' must be"):
        rule_parameters_set(
            authority=district,
            ruleset_id="letter-2015",
            rule_id="news-weekly",
            params={"count": "hai"},
            changed_by="x",
        )
    with pytest.raises(ConfigurationError, match="unknown rule letter-2015/nope"):
        rule_parameters_set(
            authority=district, ruleset_id="letter-2015", rule_id="nope", params={}, changed_by="x"
        )


def test_calendar_is_inherited_and_validated(province_and_district):
    province, district = province_and_district
    calendar_year_set(
        authority=province,
        school_year_start=2026,
        semester1=(dt.date(2026, 9, 7), dt.date(2027, 1, 15)),
        semester2=(dt.date(2027, 1, 18), dt.date(2027, 5, 28)),
        breaks=[(dt.date(2027, 2, 8), "tet")],
    )
    year = school_calendar(district).year(2026)
    assert year.s1_first == dt.date(2026, 9, 7)
    assert year.week_number(dt.date(2027, 2, 10)) is None  # Tết break: no teaching week
    with pytest.raises(ConfigurationError, match="out of order"):
        calendar_year_set(
            authority=district,
            school_year_start=2026,
            semester1=(dt.date(2027, 1, 15), dt.date(2026, 9, 7)),
            semester2=(dt.date(2027, 1, 18), dt.date(2027, 5, 28)),
        )
    with pytest.raises(ConfigurationError, match="Monday"):
        calendar_year_set(
            authority=district,
            school_year_start=2026,
            semester1=(dt.date(2026, 9, 7), dt.date(2027, 1, 15)),
            semester2=(dt.date(2027, 1, 18), dt.date(2027, 5, 28)),
            breaks=[(dt.date(2027, 2, 10), "tet")],
        )


def test_configuration_commands_and_their_errors(province_and_district):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    _, district = province_and_district
    call_command(
        "set_rule_parameters",
        authority=district.code,
        rule="letter-2015/news-weekly",
        params='{"count": 3}',
        by="pgd@phongdien.gov.vn",
    )
    assert parameter_overrides(district)[("letter-2015", "news-weekly")] == {"count": 3}
    with pytest.raises(CommandError, match="không phải JSON"):
        call_command(
            "set_rule_parameters",
            authority=district.code,
            rule="letter-2015/news-weekly",
            params="{count: 3",
            by="x",
        )
    with pytest.raises(CommandError, match="unknown rule letter-2015/khong-co"):
        call_command(
            "set_rule_parameters",
            authority=district.code,
            rule="letter-2015/khong-co",
            params="{}",
            by="x",
        )
    call_command(
        "set_school_calendar",
        authority=district.code,
        year=2026,
        semester1="2026-09-07:2027-01-15",
        semester2="2027-01-25:2027-05-28",
        breaks=["2027-02-08:tet", "2027-02-15:tet"],
    )
    assert school_calendar(district).year(2026).s2_first == dt.date(2027, 1, 25)
    # Days as people write them, day first.
    call_command(
        "set_school_calendar",
        authority=district.code,
        year=2026,
        semester1="07/09/2026:15/01/2027",
        semester2="1/2/2027:28/05/2027",
        breaks=["08/02/2027:tet"],
    )
    calendar = school_calendar(district).year(2026)
    assert (calendar.s1_first, calendar.s2_first) == (dt.date(2026, 9, 7), dt.date(2027, 2, 1))
    with pytest.raises(CommandError, match="NGÀY-ĐẦU:NGÀY-CUỐI, ví dụ 07/09/2026:15/01/2027"):
        call_command(
            "set_school_calendar",
            authority=district.code,
            year=2026,
            semester1="7/9/2026",
            semester2="2027-01-25:2027-05-28",
        )
    with pytest.raises(
        CommandError, match="--semester2: Ngày 01/25/2027 không có thật: không có tháng 25"
    ):
        call_command(
            "set_school_calendar",
            authority=district.code,
            year=2026,
            semester1="07/09/2026:15/01/2027",
            semester2="01/25/2027:28/05/2027",
        )
