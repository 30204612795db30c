"""The evaluator: applicability, windows, rule sets in force, overrides, purity."""

import json
from datetime import UTC, date, datetime

import pytest

from compliance.engine import (
    EvidenceSnapshot,
    InvalidOverride,
    SchoolCalendar,
    Status,
    evaluate,
)
from tests.compliance.builders import (
    BUNDLED,
    EPOCH,
    at,
    by_key,
    item,
    rule_dict,
    ruleset_of,
    run,
    shipped,
    snapshot,
    week,
)

ALL_SETS = [
    (BUNDLED["letter-2015"], date(2015, 2, 8), None),
    (BUNDLED["tt09-2024"], date(2024, 7, 19), None),
    (BUNDLED["tt37-2020"], date(2020, 1, 1), None),
]
AS_OF = at(2026, 11, 24, 10)


def evaluate_all(snap, *, as_of=AS_OF, window=None):
    return evaluate(
        rulesets=ALL_SETS, calendar=SchoolCalendar(), snapshot=snap, as_of=as_of, window=window
    )


def rules_with(obligations, status):
    return {(o.ruleset, o.rule) for o in obligations if o.status == status}


def test_level_mismatch_is_one_not_applicable_obligation_per_rule():
    found = evaluate_all(snapshot(levels=["primary"]))
    not_applicable = [o for o in found if o.status == Status.NOT_APPLICABLE and o.due_at is None]
    assert {o.rule for o in not_applicable} == {"mn-monthly-plan", "mn-weekly-plan", "menu"}
    assert all(o.period_key == "2026-2027" for o in not_applicable)
    reason = next(o for o in not_applicable if o.rule == "mn-weekly-plan").reason
    assert reason == "Chỉ áp dụng cho mầm non; trường thuộc cấp tiểu học"


def test_combined_level_school_gets_every_rule_of_either_level():
    found = evaluate_all(snapshot(levels=["primary", "lower_secondary"]))
    applied = {o.rule for o in found if o.status != Status.NOT_APPLICABLE}
    assert {"lesson-register", "timetable", "weekly-plan"} <= applied
    assert not {"mn-weekly-plan", "mn-monthly-plan"} & applied
    disclosure = {o.item for o in found if o.rule == "disclosure-annual"}
    assert {"a4-1", "a8-1", "a8-3", "a9-5"} <= disclosure  # every level + primary/THCS items
    assert not {"a6-1", "a7-2"} & disclosure  # preschool-only items
    assert "a9-4" not in disclosure  # the menu: no meals served
    # an item's reason names it by its Vietnamese title (it read "“General information (Art.
    # 4, a4-1)” cho năm học…")
    a4_1 = next(o for o in found if o.rule == "disclosure-annual" and o.item == "a4-1")
    assert a4_1.reason.startswith("“Tên, địa chỉ, số điện thoại, thư điện tử"), a4_1.reason
    assert "General information" not in a4_1.reason


def test_preschool_gets_its_own_rules_and_the_menu():
    found = evaluate_all(snapshot(levels=["preschool"]))
    applied = {o.rule for o in found if o.status != Status.NOT_APPLICABLE}
    assert {"mn-weekly-plan", "mn-monthly-plan", "menu", "weekly-plan"} <= applied
    assert not {"lesson-register", "timetable"} & applied
    disclosure = {o.item for o in found if o.rule == "disclosure-annual"}
    assert {"a4-1", "a6-1", "a7-2", "a7-4"} <= disclosure
    assert not {"a8-1", "a9-2", "a9-4"} & disclosure


def test_menu_binds_primary_schools_only_when_they_serve_meals():
    without = evaluate_all(snapshot(levels=["primary"]))
    with_meals = evaluate_all(snapshot(levels=["primary"], serves_meals=True))
    assert ("tt09-2024", "menu") in rules_with(without, Status.NOT_APPLICABLE)
    assert any(o.rule == "menu" and o.status == Status.MISSING for o in with_meals)
    assert "a9-4" in {o.item for o in with_meals if o.rule == "disclosure-annual"}


def test_default_window_is_the_school_year_so_far_plus_what_is_next():
    found = evaluate_all(snapshot(levels=["lower_secondary"]))
    weekly = by_key(found, rule="weekly-plan")
    assert min(weekly) == "2026-W37"  # week 1
    assert weekly["2026-W48"].status == Status.MISSING  # due Monday 23/11 12:00
    assert weekly["2026-W49"].status == Status.PENDING  # the next one
    assert "2026-W50" not in weekly
    assert by_key(found, rule="monthly-plan")["2026-12"].status == Status.PENDING
    annual = by_key(found, rule="annual-plan")
    assert sorted(annual) == ["2026-2027", "2027-2028"]  # this year's (due) and next year's
    assert all(o.reference_at >= at(2026, 7, 1) for o in found if o.reference_at)


def test_explicit_window_cuts_by_filing_instant():
    found = evaluate_all(snapshot(), window=(at(2026, 11, 1), at(2026, 12, 1)))
    months = by_key(found, rule="monthly-plan")
    assert sorted(months) == ["2026-12"]  # "before 1/12" is filed in November, "before 1/11" not
    assert sorted(by_key(found, rule="weekly-plan")) == [
        "2026-W45", "2026-W46", "2026-W47", "2026-W48", "2026-W49",
    ]  # fmt: skip


def test_rule_set_change_mid_year_applies_the_rules_in_force_on_each_due_date():
    v1 = ruleset_of(
        rule_dict("monthly-plan", "periodic", ["MonthlyPlanPage"], {"period": "month"}),
        rule_dict(
            "weekly-plan",
            "periodic",
            ["WeeklyPlanPage"],
            {"period": "teaching_week", "deadline": {"hours": 12}, "boundary": "by"},
        ),
        ruleset_id="local",
    )
    v2 = ruleset_of(
        rule_dict(
            "monthly-plan",
            "periodic",
            ["MonthlyPlanPage"],
            {"period": "month", "deadline": {"days": 4}},
        ),
        ruleset_id="local",
    )
    page = item(1, "MonthlyPlanPage", at(2027, 2, 3), period={"month": date(2027, 2, 1)})
    found = evaluate(
        rulesets=[(v1, EPOCH, date(2027, 1, 1)), (v2, date(2027, 1, 1), None)],
        calendar=SchoolCalendar(),
        snapshot=snapshot(page),
        as_of=at(2027, 3, 10),
        window=(at(2026, 7, 1), at(2027, 7, 1)),
    )
    months = by_key(found, rule="monthly-plan")
    assert months["2026-12"].due_at == at(2026, 12, 1)  # v1: before day 1
    # January: v1 files it on 31/12 (v1 in force), v2 on 4/1 (v2 in force): new rules win.
    assert months["2027-01"].due_at == at(2027, 1, 5)
    assert months["2027-02"].due_at == at(2027, 2, 5)  # v2: before day 5
    assert months["2027-02"].status == Status.ON_TIME
    weekly = by_key(found, rule="weekly-plan")
    assert "2026-W53" in weekly and "2027-W03" not in weekly  # weekly rule dropped in v2


def test_a_tightened_deadline_across_the_change_still_yields_one_obligation():
    lenient = ruleset_of(
        rule_dict(
            "monthly-plan",
            "periodic",
            ["MonthlyPlanPage"],
            {"period": "month", "deadline": {"days": 4}},
        ),
        ruleset_id="local",
    )
    strict = ruleset_of(
        rule_dict("monthly-plan", "periodic", ["MonthlyPlanPage"], {"period": "month"}),
        ruleset_id="local",
    )
    found = evaluate(
        rulesets=[(lenient, EPOCH, date(2027, 1, 1)), (strict, date(2027, 1, 1), None)],
        calendar=SchoolCalendar(),
        snapshot=snapshot(),
        as_of=at(2027, 3, 10),
        window=(at(2026, 7, 1), at(2027, 7, 1)),
    )
    months = by_key(found, rule="monthly-plan")
    # Neither version is in force on its own due day for January (31/12 strict, 4/1 lenient);
    # both are in force between those days, and the newer one governs.
    assert months["2027-01"].due_at == at(2027, 1, 1)
    assert months["2026-12"].due_at == at(2026, 12, 5)
    assert months["2027-02"].due_at == at(2027, 2, 1)


def test_overlapping_entries_of_one_rule_set_are_refused():
    rule_set = shipped("letter-2015", "weekly-plan")
    with pytest.raises(ValueError, match="in force twice"):
        evaluate(
            rulesets=[(rule_set, EPOCH, None), (rule_set, date(2026, 1, 1), None)],
            calendar=SchoolCalendar(),
            snapshot=snapshot(),
            as_of=AS_OF,
        )


def test_bad_overrides_are_refused_with_the_rule_named():
    rule_set = shipped("letter-2015", "weekly-plan")
    with pytest.raises(InvalidOverride, match="letter-2015/weekly-plan.*boundary"):
        run(
            rule_set,
            snapshot(),
            as_of=AS_OF,
            overrides={("letter-2015", "weekly-plan"): {"boundary": "soon"}},
        )
    with pytest.raises(InvalidOverride, match="no-such-rule"):
        run(rule_set, snapshot(), as_of=AS_OF, overrides={("letter-2015", "no-such-rule"): {}})


def test_as_of_must_be_aware_and_not_after_the_snapshot():
    rule_set = shipped("letter-2015", "weekly-plan")
    with pytest.raises(ValueError, match="naive"):
        run(rule_set, snapshot(), as_of=datetime(2026, 11, 24, 10))
    snap = snapshot(taken_at=at(2026, 11, 24))
    with pytest.raises(ValueError, match="after the snapshot"):
        run(rule_set, snap, as_of=at(2026, 11, 25))


def test_evaluation_is_pure_sorted_utc_and_json_ready():
    snap = snapshot(
        item(1, "WeeklyPlanPage", at(2026, 11, 16, 9), period=week(date(2026, 11, 16))),
        item(2, "OrganisationPage", at(2026, 8, 1)),
        levels=["primary", "lower_secondary"],
    )
    first, second = evaluate_all(snap), evaluate_all(snap)
    assert first == second
    filed = [o.reference_at or AS_OF for o in first]
    assert filed == sorted(filed)
    for obligation in first:
        for moment in (obligation.due_at, obligation.satisfied_at):
            assert moment is None or moment.utcoffset() == UTC.utcoffset(None)
    encoded = json.dumps([o.as_dict() for o in first])
    assert '"status": "on_time"' in encoded


def test_snapshot_refuses_unknown_levels():
    with pytest.raises(ValueError, match="upper_secondary"):
        EvidenceSnapshot(
            school_levels=frozenset({"upper_secondary"}), items=(), taken_at=at(2026, 1, 1)
        )


def test_since_drops_obligations_from_before_the_school_joined():
    """A school that joined in November owes nothing for August–October."""
    from datetime import UTC, datetime

    from compliance.engine import EvidenceSnapshot, default_calendar, evaluate
    from compliance.engine.rulesets import load_rulesets

    letter = load_rulesets()["letter-2015"]
    as_of = datetime(2026, 11, 24, 3, 0, tzinfo=UTC)
    snapshot = EvidenceSnapshot(school_levels=frozenset({"primary"}), items=(), taken_at=as_of)
    every = evaluate(
        rulesets=[(letter, datetime(2015, 1, 1).date(), None)],
        calendar=default_calendar(school_year_start=2026),
        snapshot=snapshot,
        as_of=as_of,
    )
    joined = evaluate(
        rulesets=[(letter, datetime(2015, 1, 1).date(), None)],
        calendar=default_calendar(school_year_start=2026),
        snapshot=snapshot,
        as_of=as_of,
        since=datetime(2026, 11, 1, tzinfo=UTC),
    )
    assert any(o.rule == "annual-plan" and o.period_key == "2026-2027" for o in every)
    assert not any(o.rule == "annual-plan" and o.period_key == "2026-2027" for o in joined)
    assert any(o.period_key == "2026-W47" and o.rule == "weekly-plan" for o in joined)
    assert all(o.reference_at >= datetime(2026, 10, 31, 17, 0, tzinfo=UTC) for o in joined)
