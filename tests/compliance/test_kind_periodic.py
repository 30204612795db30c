"""The periodic kind, through the shipped letter-2015 and tt09-2024 rules."""

from datetime import date, timedelta

from compliance.engine import (
    BreakLabel,
    BreakWeek,
    SchoolCalendar,
    Status,
    default_school_year,
    school_year_with_breaks,
)
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
    week,
)

WEEKLY = shipped("letter-2015", "weekly-plan")
MONDAY = date(2026, 11, 16)  # week 47, a teaching week
AS_OF = at(2026, 12, 20)
WINDOW = (at(2026, 7, 1), at(2027, 7, 1))


def weekly(*items, as_of=AS_OF, calendar=None):
    return by_key(run(WEEKLY, snapshot(*items), as_of=as_of, window=WINDOW, calendar=calendar))


def test_monday_noon_is_the_last_on_time_instant():
    noon = at(2026, 11, 16, 12)
    before = weekly(item(1, "WeeklyPlanPage", noon - SECOND, period=week(MONDAY)))["2026-W47"]
    exact = weekly(item(1, "WeeklyPlanPage", noon, period=week(MONDAY)))["2026-W47"]
    after = weekly(item(1, "WeeklyPlanPage", noon + SECOND, period=week(MONDAY)))["2026-W47"]
    assert before.status == exact.status == Status.ON_TIME
    assert exact.due_at == noon and exact.due_inclusive
    assert after.status == Status.LATE
    assert after.late_by == SECOND
    assert after.satisfied_at == noon + SECOND


def test_late_missing_pending_and_provisionally_on_time():
    late = item(1, "WeeklyPlanPage", at(2026, 11, 18, 8), period=week(MONDAY))
    found = weekly(late, as_of=at(2026, 11, 25))
    assert found["2026-W47"].status == Status.LATE
    assert found["2026-W47"].late_by == timedelta(days=1, hours=20)
    assert found["2026-W48"].status == Status.MISSING
    assert found["2026-W48"].satisfied_at is None
    early = item(2, "WeeklyPlanPage", at(2026, 11, 27, 9), period=week(date(2026, 11, 30)))
    found = weekly(early, as_of=at(2026, 11, 28))
    assert found["2026-W49"].status == Status.ON_TIME  # not yet due, already there
    assert found["2026-W50"].status == Status.PENDING


def test_evaluating_a_past_moment_ignores_later_publications():
    page = item(1, "WeeklyPlanPage", at(2026, 11, 18, 8), period=week(MONDAY))
    assert weekly(page, as_of=at(2026, 11, 17))["2026-W47"].status == Status.MISSING
    assert weekly(page, as_of=at(2026, 11, 19))["2026-W47"].status == Status.LATE


def test_unpublish_then_republish_counts_from_the_republish():
    gap = item(
        1,
        "WeeklyPlanPage",
        (at(2026, 11, 16, 9), at(2026, 11, 16, 10)),
        at(2026, 11, 16, 13),
        period=week(MONDAY),
    )
    judged = weekly(gap)["2026-W47"]
    assert judged.status == Status.LATE
    assert judged.satisfied_at == at(2026, 11, 16, 13)
    assert judged.late_by == timedelta(hours=1)
    gone = item(
        1, "WeeklyPlanPage", (at(2026, 11, 16, 9), at(2026, 11, 16, 10)), period=week(MONDAY)
    )
    assert weekly(gone)["2026-W47"].status == Status.MISSING
    kept = item(
        1, "WeeklyPlanPage", (at(2026, 11, 16, 9), at(2026, 11, 16, 13)), period=week(MONDAY)
    )
    assert weekly(kept)["2026-W47"].status == Status.ON_TIME  # live across the deadline


def test_scheduled_publishing_counts_from_go_live():
    # Scheduled on Friday for Monday 11:00 / 12:30: the live interval starts at go-live.
    on_time = item(1, "WeeklyPlanPage", at(2026, 11, 16, 11), period=week(MONDAY))
    late = item(1, "WeeklyPlanPage", at(2026, 11, 16, 12, 30), period=week(MONDAY))
    assert weekly(on_time)["2026-W47"].satisfied_at == at(2026, 11, 16, 11)
    assert weekly(late)["2026-W47"].status == Status.LATE
    assert weekly(late)["2026-W47"].late_by == timedelta(minutes=30)


def test_a_page_moved_to_another_week_does_not_carry_its_timestamp():
    first = item(
        1, "WeeklyPlanPage", (at(2026, 11, 13, 9), at(2026, 11, 23, 14)), period=week(MONDAY)
    )
    moved = item(1, "WeeklyPlanPage", at(2026, 11, 23, 14), period=week(date(2026, 11, 23)))
    found = weekly(first, moved)
    assert found["2026-W47"].status == Status.ON_TIME
    assert found["2026-W48"].status == Status.LATE
    assert found["2026-W48"].satisfied_at == at(2026, 11, 23, 14)
    assert found["2026-W48"].evidence[0].page_id == 1


def test_tet_and_mid_term_and_exam_review_weeks_have_no_weekly_obligation():
    mid_term = BreakWeek(date(2026, 11, 2), BreakLabel.MID_TERM)
    year = school_year_with_breaks(
        base=default_school_year(school_year_start=2026), extra=[mid_term]
    )
    found = weekly(as_of=at(2027, 6, 1), calendar=SchoolCalendar(years=(year,)))
    for key, label in [
        ("2026-W45", "Tuần nghỉ giữa học kỳ"),
        ("2027-W02", "Tuần ôn tập, kiểm tra"),
        ("2027-W05", "Tuần nghỉ Tết"),
        ("2027-W06", "Tuần nghỉ Tết"),
    ]:
        assert found[key].status == Status.NOT_APPLICABLE, key
        assert label in found[key].reason
    assert found["2026-W46"].status == Status.MISSING
    assert sum(o.status == Status.MISSING for o in found.values()) == 34


def test_first_and_last_weeks_of_each_semester():
    found = weekly(as_of=at(2027, 6, 1))
    assert "2026-W36" not in found  # the week before week 1
    assert found["2026-W37"].due_at == at(2026, 9, 7, 12)  # week 1, semester 1
    assert found["2027-W01"].due_at == at(2027, 1, 4, 12)  # week 18, last of semester 1
    assert found["2027-W03"].due_at == at(2027, 1, 18, 12)  # week 19, first of semester 2
    assert found["2027-W21"].due_at == at(2027, 5, 24, 12)  # week 35, last of semester 2
    assert "2027-W22" not in found


def test_a_week_spanning_two_months_is_one_obligation():
    monday = date(2026, 11, 30)  # Mon 30/11 – Sun 6/12
    page = item(1, "WeeklyPlanPage", at(2026, 11, 30, 7), period=week(date(2026, 12, 2)))
    found = weekly(page)
    assert found["2026-W49"].status == Status.ON_TIME
    assert found["2026-W49"].due_at == at(2026, 11, 30, 12)
    assert monday.isocalendar().week == 49


def test_iso_week_53_and_week_1_of_the_next_iso_year():
    found = weekly(as_of=at(2027, 1, 20))
    assert found["2026-W53"].due_at == at(2026, 12, 28, 12)
    assert found["2027-W01"].due_at == at(2027, 1, 4, 12)


def test_monthly_plan_before_day_one():
    rules = shipped("letter-2015", "monthly-plan")
    midnight = at(2026, 12, 1)

    def december(published):
        page = item(1, "MonthlyPlanPage", published, period={"month": date(2026, 12, 1)})
        return by_key(run(rules, snapshot(page), as_of=AS_OF, window=WINDOW))["2026-12"]

    assert december(midnight - SECOND).status == Status.ON_TIME
    exact = december(midnight)
    assert exact.status == Status.LATE  # "before 1 December": 00:00:00 is already late
    assert exact.late_by == timedelta(0)
    assert december(midnight + SECOND).late_by == SECOND
    assert not exact.due_inclusive


def test_monthly_plans_cover_the_teaching_months_only():
    found = by_key(
        run(
            shipped("letter-2015", "monthly-plan"), snapshot(), as_of=at(2027, 6, 30), window=WINDOW
        )
    )
    assert sorted(found) == [
        "2026-09", "2026-10", "2026-11", "2026-12", "2027-01",
        "2027-02", "2027-03", "2027-04", "2027-05",
    ]  # fmt: skip


def test_preschool_monthly_plan_before_the_25th_of_the_previous_month_in_a_leap_year():
    rules = shipped("tt09-2024", "mn-monthly-plan")
    page = item(
        1, "MonthlyPlanPage", at(2028, 2, 24, 23, 59, 59), period={"month": date(2028, 3, 1)}
    )
    late = item(2, "MonthlyPlanPage", at(2028, 2, 29, 9), period={"month": date(2028, 4, 1)})
    found = by_key(
        run(
            rules,
            snapshot(page, late, levels=["preschool"]),
            as_of=at(2028, 6, 1),
            window=(at(2027, 7, 1), at(2028, 7, 1)),
        )
    )
    assert found["2028-03"].due_at == at(2028, 2, 25)
    assert found["2028-03"].status == Status.ON_TIME
    assert found["2028-04"].due_at == at(2028, 3, 25)
    assert found["2028-04"].status == Status.ON_TIME  # published on 29/02, early


def test_preschool_weekly_plan_before_saturday_of_the_previous_week():
    rules = shipped("tt09-2024", "mn-weekly-plan")
    saturday = at(2026, 11, 14)

    def w47(published):
        page = item(1, "WeeklyPlanPage", published, period=week(MONDAY))
        found = by_key(run(rules, snapshot(page, levels=["preschool"]), as_of=AS_OF, window=WINDOW))
        return found["2026-W47"]

    assert w47(saturday - SECOND).status == Status.ON_TIME
    assert w47(saturday).status == Status.LATE
    assert w47(saturday).due_at == saturday


def test_annual_plan_before_15_august():
    rules = shipped("letter-2015", "annual-plan")
    deadline = at(2026, 8, 15)
    plan = item(1, "AnnualPlanPage", deadline - SECOND, period={"school_year_start": 2026})
    found = by_key(run(rules, snapshot(plan), as_of=AS_OF, window=WINDOW))
    assert found["2026-2027"].status == Status.ON_TIME
    missing = by_key(run(rules, snapshot(), as_of=deadline, window=WINDOW))
    assert missing["2026-2027"].status == Status.MISSING  # 00:00 on the 15th is past
    pending = by_key(run(rules, snapshot(), as_of=deadline - SECOND, window=WINDOW))
    assert pending["2026-2027"].status == Status.PENDING


def test_timetable_dates_and_an_authority_override():
    rules = shipped("letter-2015", "timetable")
    s2 = item(1, "TimetablePage", at(2027, 1, 5), period={"school_year_start": 2026, "semester": 2})
    found = by_key(run(rules, snapshot(s2), as_of=at(2027, 2, 1), window=WINDOW))
    assert found["2026-2027/S1"].due_at == at(2026, 8, 20)
    assert found["2026-2027/S1"].status == Status.MISSING
    assert found["2026-2027/S2"].due_at == at(2026, 12, 30)
    assert found["2026-2027/S2"].status == Status.LATE
    # An authority ties semester 2 to its first teaching day instead.
    overridden = by_key(
        run(
            rules,
            snapshot(s2),
            as_of=at(2027, 2, 1),
            window=WINDOW,
            overrides={("letter-2015", "timetable"): {"deadline_s2": {}}},
        )
    )
    assert overridden["2026-2027/S2"].due_at == at(2027, 1, 18)
    assert overridden["2026-2027/S2"].status == Status.ON_TIME


def test_grace_minutes_move_the_deadline():
    page = item(1, "WeeklyPlanPage", at(2026, 11, 16, 12, 10), period=week(MONDAY))
    found = by_key(
        run(
            WEEKLY,
            snapshot(page),
            as_of=AS_OF,
            window=WINDOW,
            overrides={("letter-2015", "weekly-plan"): {"grace_minutes": 15}},
        )
    )
    assert found["2026-W47"].due_at == at(2026, 11, 16, 12, 15)
    assert found["2026-W47"].status == Status.ON_TIME


def test_a_semester_override_replaces_a_fixed_default_deadline():
    rule_set = ruleset_of(
        rule_dict(
            "timetable",
            "periodic",
            ["TimetablePage"],
            {"period": "semester", "deadline": {"month": 8, "day": 20}, "deadline_s2": {}},
        )
    )
    found = by_key(run(rule_set, snapshot(), as_of=at(2027, 2, 1), window=WINDOW))
    assert found["2026-2027/S1"].due_at == at(2026, 8, 20)
    assert found["2026-2027/S2"].due_at == at(2027, 1, 18)  # semester 2's first teaching day
