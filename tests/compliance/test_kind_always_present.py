"""The always_present kind: checkpoints at every month's end and at as_of."""

from compliance.engine import Status
from tests.compliance.builders import (
    SECOND,
    at,
    by_key,
    item,
    rule_dict,
    ruleset_of,
    run,
    shipped,
    snapshot,
)

ORGANISATION = shipped("letter-2015", "organisation")


def judge(*items, as_of, window=None, rule_set=ORGANISATION):
    return by_key(run(rule_set, snapshot(*items), as_of=as_of, window=window))


def test_present_at_as_of_and_at_every_month_end():
    page = item(1, "OrganisationPage", at(2026, 8, 10, 9))
    found = judge(page, as_of=at(2026, 11, 24, 10))
    assert sorted(found) == ["2026-07-31", "2026-08-31", "2026-09-30", "2026-10-31", "2026-11-24"]
    assert found["2026-07-31"].status == Status.MISSING  # not there yet in July
    assert found["2026-08-31"].status == Status.ON_TIME
    assert found["2026-08-31"].satisfied_at == at(2026, 8, 10, 9)
    assert found["2026-11-24"].status == Status.ON_TIME
    assert found["2026-11-24"].due_at == at(2026, 11, 24, 10)


def test_month_end_boundary_to_the_second():
    kept = item(1, "OrganisationPage", (at(2026, 8, 1), at(2026, 11, 1)))
    dropped = item(1, "OrganisationPage", (at(2026, 8, 1), at(2026, 11, 1) - SECOND))
    window = (at(2026, 10, 1), at(2026, 11, 1))
    assert judge(kept, as_of=at(2026, 11, 5), window=window)["2026-10-31"].status == Status.ON_TIME
    assert judge(dropped, as_of=at(2026, 11, 5), window=window)["2026-10-31"].status == (
        Status.MISSING
    )


def test_a_removed_section_is_missing_now():
    page = item(1, "OrganisationPage", (at(2026, 8, 1), at(2026, 11, 20)))
    found = judge(page, as_of=at(2026, 11, 24))
    assert found["2026-10-31"].status == Status.ON_TIME
    assert found["2026-11-24"].status == Status.MISSING


def test_count_of_live_pages():
    rule_set = ruleset_of(
        rule_dict("procedures", "always_present", ["ProcedurePage"], {"count": 2})
    )
    one = item(1, "ProcedurePage", at(2026, 8, 1))
    two = item(2, "ProcedurePage", at(2026, 9, 15))
    window = (at(2026, 11, 1), at(2026, 12, 1))
    assert (
        judge(one, as_of=at(2026, 11, 24), window=window, rule_set=rule_set)["2026-11-24"].status
        == Status.MISSING
    )
    both = judge(one, two, as_of=at(2026, 11, 24), window=window, rule_set=rule_set)["2026-11-24"]
    assert both.status == Status.ON_TIME
    assert both.satisfied_at == at(2026, 9, 15)
