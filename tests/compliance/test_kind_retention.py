"""The retention kind, through the shipped disclosure-retention rule (5 years)."""

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

RETENTION = shipped("tt09-2024", "disclosure-retention")
LONG_WINDOW = (at(2020, 1, 1), at(2040, 1, 1))
PERIOD = {"school_year_start": 2026, "item": "a4-1"}


def judge(*items, as_of, rule_set=RETENTION, window=LONG_WINDOW):
    return by_key(run(rule_set, snapshot(*items), as_of=as_of, window=window))


def test_five_years_online_is_met():
    page = item(1, "DisclosurePage", at(2026, 9, 1, 8), period=PERIOD)
    done = judge(page, as_of=at(2031, 9, 1, 8))["page:1"]
    assert done.status == Status.ON_TIME
    assert done.due_at == at(2031, 9, 1, 8)
    running = judge(page, as_of=at(2031, 9, 1, 7))["page:1"]
    assert running.status == Status.PENDING


def test_unpublishing_early_is_a_violation_filed_when_it_happened():
    removed = at(2029, 3, 1, 10)
    page = item(1, "DisclosurePage", (at(2026, 9, 1, 8), removed), period=PERIOD)
    judged = judge(page, as_of=at(2029, 6, 1))["page:1"]
    assert judged.status == Status.MISSING
    assert judged.reference_at == removed
    assert "bị gỡ lúc 01/03/2029 10:00" in judged.reason
    # Republishing later does not undo the gap.
    back = item(1, "DisclosurePage", (at(2026, 9, 1, 8), removed), at(2029, 4, 1), period=PERIOD)
    assert judge(back, as_of=at(2029, 6, 1))["page:1"].status == Status.MISSING


def test_a_short_gap_within_the_allowance_is_tolerated():
    rule_set = ruleset_of(
        rule_dict("keep", "retention", ["DisclosurePage"], {"years": 5, "max_gap_minutes": 30})
    )
    gap = item(1, "DisclosurePage", (at(2026, 9, 1), at(2027, 1, 1, 10)), at(2027, 1, 1, 10, 20))
    assert judge(gap, as_of=at(2027, 6, 1), rule_set=rule_set)["page:1"].status == Status.PENDING
    long_gap = item(1, "DisclosurePage", (at(2026, 9, 1), at(2027, 1, 1, 10)), at(2027, 1, 1, 11))
    judged = judge(long_gap, as_of=at(2027, 6, 1), rule_set=rule_set)["page:1"]
    assert judged.status == Status.MISSING


def test_removal_after_the_retention_is_fine():
    page = item(1, "DisclosurePage", (at(2026, 9, 1), at(2031, 9, 2)), period=PERIOD)
    assert judge(page, as_of=at(2032, 1, 1))["page:1"].status == Status.ON_TIME


def test_leap_day_retention_ends_on_1_march():
    page = item(1, "DisclosurePage", at(2028, 2, 29, 10), period=PERIOD)
    judged = judge(page, as_of=at(2033, 3, 2))["page:1"]
    assert judged.due_at == at(2033, 3, 1, 10)
    assert judged.status == Status.ON_TIME


def test_overwriting_last_years_disclosure_breaks_its_retention():
    edit = at(2027, 9, 1)
    old = item(1, "DisclosurePage", (at(2026, 9, 1), edit), period=PERIOD)
    new = item(1, "DisclosurePage", edit, period={**PERIOD, "school_year_start": 2027})
    found = judge(old, new, as_of=at(2027, 12, 1))
    assert found["page:1/2026-2027/a4-1"].status == Status.MISSING
    assert found["page:1/2027-2028/a4-1"].status == Status.PENDING
    assert found["page:1/2027-2028/a4-1"].due_at == at(2032, 9, 1)


def test_pages_never_live_have_nothing_to_retain():
    assert judge(item(1, "DisclosurePage", period=PERIOD), as_of=at(2027, 1, 1)) == {}


def test_removal_one_second_before_the_end_is_a_violation():
    end = at(2031, 9, 1, 8)
    early = item(1, "DisclosurePage", (at(2026, 9, 1, 8), end - SECOND), period=PERIOD)
    exact = item(1, "DisclosurePage", (at(2026, 9, 1, 8), end), period=PERIOD)
    assert judge(early, as_of=at(2032, 1, 1))["page:1"].status == Status.MISSING
    assert judge(exact, as_of=at(2032, 1, 1))["page:1"].status == Status.ON_TIME
