"""The monthly roll-up into the letter's three categories."""

from datetime import date, timedelta

import pytest

from compliance.engine import Category, Obligation, Status, month_category, summary
from compliance.engine.evidence import EvidenceRef
from tests.compliance.builders import at, item, run, shipped, snapshot, week

REF = EvidenceRef(1, "t", "/t/")


def ob(kind, status, due, *, inclusive=False, evidence=(), rule="r", **extra):
    return Obligation(
        ruleset="s",
        rule=rule,
        period_key="k",
        due_at=due,
        status=status,
        kind=kind,
        due_inclusive=inclusive,
        evidence=evidence,
        **extra,
    )


NOV = at(2026, 11, 16, 12)


def test_nothing_published_in_the_month_is_did_not_update():
    verdict = month_category(
        obligations=[
            ob("periodic", Status.MISSING, NOV),
            ob("frequency", Status.MISSING, NOV),
            ob("always_present", Status.ON_TIME, NOV),
        ],
        month="2026-11",
    )
    assert verdict.category == Category.DID_NOT_UPDATE
    assert len(verdict.obligations) == 2


def test_a_missing_item_is_incomplete():
    verdict = month_category(
        obligations=[
            ob("periodic", Status.ON_TIME, NOV, rule="a"),
            ob("periodic", Status.MISSING, NOV, rule="b"),
            ob("periodic", Status.LATE, NOV, rule="c"),
        ],
        month="2026-11",
    )
    assert verdict.category == Category.INCOMPLETE
    assert [o.rule for o in verdict.obligations] == ["b"]


def test_a_missing_section_is_incomplete():
    verdict = month_category(
        obligations=[
            ob("periodic", Status.ON_TIME, NOV),
            ob("always_present", Status.MISSING, NOV),
        ],
        month="2026-11",
    )
    assert verdict.category == Category.INCOMPLETE


def test_late_items_or_too_few_news_are_irregular():
    late = month_category(
        obligations=[ob("periodic", Status.LATE, NOV), ob("periodic", Status.ON_TIME, NOV)],
        month="2026-11",
    )
    assert late.category == Category.IRREGULAR
    few = month_category(
        obligations=[
            ob("periodic", Status.ON_TIME, NOV),
            ob("frequency", Status.MISSING, NOV, evidence=(REF,)),
        ],
        month="2026-11",
    )
    assert few.category == Category.IRREGULAR
    assert few.obligations[0].kind == "frequency"


def test_one_news_item_alone_is_an_update_not_did_not_update():
    verdict = month_category(
        obligations=[ob("frequency", Status.MISSING, NOV, evidence=(REF,))], month="2026-11"
    )
    assert verdict.category == Category.IRREGULAR


def test_compliant_and_empty_months():
    assert (
        month_category(obligations=[ob("periodic", Status.ON_TIME, NOV)], month="2026-11").category
        == Category.COMPLIANT
    )
    assert month_category(obligations=[], month="2026-07").category == Category.COMPLIANT


def test_pending_not_applicable_and_retention_do_not_count():
    verdict = month_category(
        obligations=[
            ob("periodic", Status.ON_TIME, NOV),
            ob("periodic", Status.PENDING, NOV),
            ob("periodic", Status.NOT_APPLICABLE, NOV),
            ob("retention", Status.MISSING, NOV, reference_at=NOV),
        ],
        month="2026-11",
    )
    assert verdict.category == Category.COMPLIANT


def test_a_before_midnight_deadline_belongs_to_the_month_it_ends():
    december_plan = ob("periodic", Status.MISSING, at(2026, 12, 1))  # "before 1 December"
    assert month_category(obligations=[december_plan], month="2026-11").category == (
        Category.DID_NOT_UPDATE
    )
    assert month_category(obligations=[december_plan], month="2026-12").category == (
        Category.COMPLIANT
    )
    by_midnight = ob("periodic", Status.MISSING, at(2026, 12, 1), inclusive=True)
    assert month_category(obligations=[by_midnight], month="2026-12").category == (
        Category.DID_NOT_UPDATE
    )


def test_a_week_spanning_two_months_is_filed_by_its_deadline():
    rules = shipped("letter-2015", "weekly-plan")
    page = item(1, "WeeklyPlanPage", at(2026, 11, 30, 14), period=week(date(2026, 11, 30)))
    found = run(
        rules, snapshot(page), as_of=at(2026, 12, 31), window=(at(2026, 11, 30), at(2027, 1, 1))
    )
    assert month_category(obligations=found, month="2026-11").category == Category.IRREGULAR
    december = month_category(obligations=found, month="2026-12")
    assert december.category == Category.DID_NOT_UPDATE
    assert all(o.due_at >= at(2026, 12, 7) for o in december.obligations)


def test_month_must_be_a_month_key():
    with pytest.raises(ValueError):
        month_category(obligations=[], month="2026-W47")


def test_summary_counts_every_status():
    counts = summary(
        obligations=[
            ob("periodic", Status.ON_TIME, NOV),
            ob("periodic", Status.ON_TIME, NOV + timedelta(days=7)),
            ob("periodic", Status.LATE, NOV),
        ]
    )
    assert counts == {"on_time": 2, "late": 1, "missing": 0, "pending": 0, "not_applicable": 0}
