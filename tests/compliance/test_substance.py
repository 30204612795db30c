"""Evidence must have substance: declared per rule in the rule set, read against the measures
of each published revision, with a Vietnamese reason naming what is missing."""

from datetime import date, timedelta

import pytest

from compliance.checks import evidence_declaration_errors, ruleset_errors
from compliance.engine import Status
from compliance.engine.rulesets import BUNDLED_RULESET_DIR, load_rulesets
from compliance.engine.substance import Substance, parse_substance
from tests.compliance.builders import at, by_key, item, run, shipped, snapshot, week

EMPTY: dict[str, int] = {}
WEEKLY = shipped("letter-2015", "weekly-plan")
TIMETABLE = shipped("letter-2015", "timetable")
ORGANISATION = shipped("letter-2015", "organisation")
MONDAY = date(2026, 11, 16)
WEEK_KEY = "2026-W47"


def test_an_empty_weekly_plan_is_missing_with_a_vietnamese_reason():
    empty = item(
        1, "WeeklyPlanPage", at(2026, 11, 14, 9), period=week(MONDAY), measures=EMPTY,
        title="Kế hoạch tuần 11",
    )  # fmt: skip
    found = by_key(run(WEEKLY, snapshot(empty), as_of=at(2026, 11, 17)))[WEEK_KEY]
    assert found.status == Status.MISSING
    assert found.reason == "Trang “Kế hoạch tuần 11” chưa có nội dung hoặc tệp đính kèm"


def test_a_plan_with_text_or_a_file_counts():
    words = item(1, "WeeklyPlanPage", at(2026, 11, 14, 9), period=week(MONDAY),
                 measures={"words": 30})  # fmt: skip
    file = item(2, "WeeklyPlanPage", at(2026, 11, 14, 9), period=week(MONDAY),
                measures={"words": 3, "files": 1})  # fmt: skip
    for page in (words, file):
        found = by_key(run(WEEKLY, snapshot(page), as_of=at(2026, 11, 17)))[WEEK_KEY]
        assert found.status == Status.ON_TIME


def test_an_emptied_page_stops_counting_from_the_publish_that_emptied_it():
    full = item(1, "OrganisationPage", (at(2026, 9, 1), at(2026, 10, 10)))
    emptied = item(1, "OrganisationPage", at(2026, 10, 10), measures=EMPTY, title="Giới thiệu")
    found = by_key(run(ORGANISATION, snapshot(full, emptied), as_of=at(2026, 11, 24, 10)))
    assert found["2026-09-30"].status == Status.ON_TIME
    assert found["2026-10-31"].status == Status.MISSING
    assert found["2026-11-24"].status == Status.MISSING
    assert "Trang “Giới thiệu” chưa có danh sách lãnh đạo" in found["2026-11-24"].reason


def test_an_empty_timetable_is_missing_and_says_so():
    empty = item(
        1, "TimetablePage", at(2026, 8, 1), title="Thời khóa biểu học kỳ I",
        period={"school_year_start": 2026, "semester": 1}, measures=EMPTY,
    )  # fmt: skip
    found = by_key(run(TIMETABLE, snapshot(empty), as_of=at(2026, 9, 1)))["2026-2027/S1"]
    assert found.status == Status.MISSING
    assert found.reason == "Trang “Thời khóa biểu học kỳ I” chưa có nội dung hoặc tệp đính kèm"


def test_a_new_school_has_a_grace_period_then_missing():
    opened = at(2026, 11, 2, 8)
    section = item(1, "OrganisationPage", opened, measures=EMPTY, title="Giới thiệu")
    snap = snapshot(section, opened_at=opened)
    during = by_key(run(ORGANISATION, snap, as_of=at(2026, 11, 20)))["2026-11-20"]
    assert during.status == Status.PENDING
    after = by_key(run(ORGANISATION, snap, as_of=opened + timedelta(days=31)))["2026-12-03"]
    assert after.status == Status.MISSING
    assert after.reason.startswith("Trang “Giới thiệu” chưa có")


def test_an_edit_of_a_news_item_keeps_its_evidence():
    urgent = shipped("letter-2015", "urgent")
    received = at(2026, 11, 16, 9)
    attrs = {"kind": "urgent", "received_at": received}
    first = item(1, "NewsPage", (received + timedelta(minutes=20), at(2026, 11, 16, 15)),
                 attrs=attrs, measures={"words": 40})  # fmt: skip
    edited = item(1, "NewsPage", at(2026, 11, 16, 15), attrs=attrs, measures={"words": 80})
    found = by_key(run(urgent, snapshot(first, edited), as_of=at(2026, 11, 17)))["page:1"]
    assert found.status == Status.ON_TIME
    assert found.satisfied_at == received + timedelta(minutes=20)


def test_substance_declarations_are_checked(tmp_path):
    rule = (
        'id = "x"\ntitle_vi = "x"\ntitle_en = "x"\nsource = "x"\n[[rules]]\nid = "weekly-plan"\n'
        'title_vi = "a"\ntitle_en = "a"\ncitation = "c"\nlevels = ["primary"]\n'
        'page_types = ["WeeklyPlanPage"]\nkind = "always_present"\n'
    )
    (tmp_path / "x.toml").write_text(rule + "substance = { any = { pages = 1 } }\n")
    errors = ruleset_errors(directory=tmp_path)
    assert {e.id for e in errors} == {"compliance.E011"}
    assert any("unknown substance measure 'pages'" in e.msg for e in errors)
    assert any("missing_vi" in e.msg for e in errors)
    assert parse_substance({"any": {"words": 0}, "missing_vi": "x"})[0] is None
    assert Substance(all={"rows": 1}, any={"words": 30}).met_by({"rows": 1, "words": 30})
    assert not Substance(all={"rows": 1}, any={"words": 30}).met_by({"words": 300})


@pytest.mark.django_db
def test_every_bundled_rule_names_page_models_that_declare_it():
    from compliance.evidence_reader import evidence_specs

    assert (
        evidence_declaration_errors(
            rulesets=load_rulesets(directory=BUNDLED_RULESET_DIR).values(), specs=evidence_specs()
        )
        == []
    )


@pytest.mark.django_db
def test_a_renamed_page_class_fails_the_check():
    from compliance.evidence_reader import evidence_specs

    specs = evidence_specs()
    specs["WeeklyPlanPageRenamed"] = specs.pop("WeeklyPlanPage")
    errors = evidence_declaration_errors(rulesets=load_rulesets().values(), specs=specs)
    assert {e.id for e in errors} == {"compliance.E012"}
    assert any("'WeeklyPlanPage' is not a page model" in e.msg for e in errors)
    # the evidence page types are pinned: renaming one is a decision, with a migration of the
    # stored tombstones, never an accident
    assert sorted(evidence_specs()) == [
        "AdmissionPage", "AnnualPlanPage", "ContactPage", "DisclosurePage", "FeedbackFormPage",
        "LessonRegisterPage", "MenuPage", "MonthlyPlanPage", "NewsPage", "OfficialDocumentPage",
        "OrganisationPage", "ProcedurePage", "TimetablePage", "WeeklyPlanPage", "WorkSchedulePage",
    ]  # fmt: skip


@pytest.mark.django_db
def test_a_rule_needing_a_measure_its_page_does_not_count_fails_the_check():
    from dataclasses import replace

    from compliance.evidence_reader import evidence_specs

    letter = load_rulesets()["letter-2015"]
    news = letter.rule("news-weekly")
    broken = replace(
        letter,
        rules=(replace(news, substance=Substance(all={"rows": 1}, missing_vi="dòng")),),
    )
    errors = evidence_declaration_errors(rulesets=[broken], specs=evidence_specs())
    assert [e.id for e in errors if "news-weekly" in e.msg] == ["compliance.E013"]


def test_the_disclosure_section_is_missing_until_an_item_has_content():
    """Issue 9: every demo school read "Công khai: Đúng" with not one item published; the
    provisioned disclosure pages are structure, the rule is missing once the grace is over."""
    disclosure = shipped("tt37-2020", "disclosure")
    opened = at(2026, 9, 1, 8)
    empty = item(7, "DisclosurePage", opened, measures=EMPTY, title="Công khai năm học 2026–2027")
    after_grace = opened + timedelta(days=60)
    found = run(disclosure, snapshot(empty, opened_at=opened), as_of=after_grace)
    assert [o.status for o in found][-1] == Status.MISSING
    assert "Công khai năm học 2026–2027" in found[-1].reason
    filled = item(7, "DisclosurePage", opened, measures={"words": 120, "files": 1})
    found = run(disclosure, snapshot(filled, opened_at=opened), as_of=after_grace)
    assert [o.status for o in found][-1] == Status.ON_TIME
