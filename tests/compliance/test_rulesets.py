"""Rule sets as data: the shipped files, and every validation problem by name."""

import pytest

from compliance.engine import (
    BUNDLED_RULESET_DIR,
    RuleSetError,
    load_ruleset_file,
    load_rulesets,
    validate_ruleset_files,
)
from tests.compliance.builders import BUNDLED

GOOD_RULE = """
[[rules]]
id = "weekly-plan"
title_vi = "Kế hoạch tuần"
title_en = "Weekly plan"
citation = "test"
levels = ["primary"]
page_types = ["WeeklyPlanPage"]
kind = "periodic"
params = { period = "teaching_week", deadline = { hours = 12 }, boundary = "by" }
"""


def header(ruleset_id="local"):
    return f'id = "{ruleset_id}"\ntitle_vi = "Bộ"\ntitle_en = "Set"\nsource = "test"\n'


def problems_for(tmp_path, text, name="local.toml"):
    (tmp_path / name).write_text(text, encoding="utf-8")
    return validate_ruleset_files(directory=tmp_path)


def test_shipped_rule_sets_are_valid_and_complete():
    assert validate_ruleset_files(directory=BUNDLED_RULESET_DIR) == []
    assert sorted(BUNDLED) == ["letter-2015", "tt09-2024", "tt37-2020"]
    assert [r.id for r in BUNDLED["letter-2015"].rules] == [
        "organisation", "procedures", "contacts", "annual-plan", "monthly-plan", "weekly-plan",
        "work-schedule", "lesson-register", "timetable", "news-topical", "urgent", "changes",
        "news-weekly",
    ]  # fmt: skip
    assert [r.id for r in BUNDLED["tt09-2024"].rules] == [
        "disclosure-annual", "disclosure-update", "annual-report", "mn-monthly-plan",
        "mn-weekly-plan", "menu", "disclosure-retention",
    ]  # fmt: skip
    assert {r.kind for r in BUNDLED["tt37-2020"].rules} == {"always_present"}
    for ruleset in BUNDLED.values():
        for rule in ruleset.rules:
            assert rule.citation and "\n" not in rule.citation
            assert rule.title_vi and rule.title_en


def test_shipped_readings_are_parameters():
    letter = BUNDLED["letter-2015"]
    assert letter.rule("weekly-plan").params["deadline"] == {"hours": 12}
    assert letter.rule("urgent").params["offset"] == {"hours": 1}
    assert letter.rule("changes").params["offset"] == {"working_days": 1}
    assert letter.rule("news-topical").filter == {"kind": "topical"}
    assert letter.rule("timetable").params["deadline_s1"] == {"month": 8, "day": 20}
    tt09 = BUNDLED["tt09-2024"]
    items = tt09.rule("disclosure-annual").params["items"]
    codes = {i["code"] for i in items}
    assert {"a4-1", "a5-2", "a6-1", "a8-1", "a9-5"} <= codes
    assert tt09.rule("menu").level_conditions == {
        "primary": "serves_meals",
        "lower_secondary": "serves_meals",
    }


def test_a_valid_file_loads(tmp_path):
    (tmp_path / "local.toml").write_text(header() + GOOD_RULE, encoding="utf-8")
    ruleset = load_ruleset_file(path=tmp_path / "local.toml")
    assert ruleset.rule("weekly-plan").levels == {"primary"}
    assert ruleset.rule("weekly-plan").weight == 1.0
    assert load_rulesets(directory=tmp_path)["local"] == ruleset


@pytest.mark.parametrize(
    ("change", "code", "words"),
    [
        (('kind = "periodic"', 'kind = "periodc"'), "E007", "unknown kind 'periodc'"),
        (('title_vi = "Kế hoạch tuần"\n', ""), "E003", "missing or empty 'title_vi'"),
        (
            ('levels = ["primary"]', 'levels = ["high_school"]'),
            "E005",
            "unknown level 'high_school'",
        ),
        (('["WeeklyPlanPage"]', '["WeeklyPlan"]'), "E006", "not a page class name: 'WeeklyPlan'"),
        (('boundary = "by"', 'boundary = "soon"'), "E008", "parameter 'boundary' must be one of"),
        (('period = "teaching_week"', 'period = "fortnight"'), "E008", "'period' must be one of"),
        (("hours = 12", "hour = 12"), "E008", "unknown key(s) ['hour']"),
        (("hours = 12 }", "hours = 12 }, colour = 1"), "E008", "unknown parameter 'colour'"),
        (('period = "teaching_week", ', ""), "E008", "missing required parameter 'period'"),
        (("hours = 12", 'hours = "12"'), "E008", "must be an integer"),
        (('citation = "test"', 'citation = "test"\nweight = -1'), "E003", "weight"),
        (('citation = "test"', 'citation = "test"\ncolour = "red"'), "E003", "unknown rule field"),
        (
            ('citation = "test"', 'citation = "test"\nfilter = { kind = { a = 1 } }'),
            "E009",
            "filter",
        ),
        (
            ('citation = "test"', 'citation = "test"\nlevel_conditions = { primary = "rich" }'),
            "E009",
            "unknown school attribute 'rich'",
        ),
        (("deadline = { hours = 12 }", "deadline = { month = 8, day = 15 }"), "E008", "fixed-date"),
    ],
)
def test_each_problem_names_the_file_the_rule_and_what_is_wrong(tmp_path, change, code, words):
    old, new = change
    assert old in GOOD_RULE
    problems = problems_for(tmp_path, header() + GOOD_RULE.replace(old, new, 1))
    assert [p.code for p in problems] == [code], [str(p) for p in problems]
    assert problems[0].file == "local.toml"
    assert problems[0].rule == "weekly-plan"
    assert words in problems[0].message
    assert str(problems[0]).startswith("local.toml, rule 'weekly-plan': ")


def test_bad_toml(tmp_path):
    problems = problems_for(tmp_path, header() + "[[rules]\nid = ")
    assert [p.code for p in problems] == ["E001"]
    assert "local.toml" in str(problems[0])


def test_header_problems(tmp_path):
    problems = problems_for(tmp_path, 'id = "other"\ntitle_vi = "x"\n', name="local.toml")
    messages = " | ".join(str(p) for p in problems)
    assert {p.code for p in problems} == {"E002"}
    assert "'title_en'" in messages and "'source'" in messages
    assert "does not match file name 'local'" in messages
    assert "[[rules]]" in messages


def test_duplicate_rule_ids(tmp_path):
    problems = problems_for(tmp_path, header() + GOOD_RULE + GOOD_RULE)
    assert [(p.code, p.rule) for p in problems] == [("E004", "weekly-plan")]


def test_duplicate_rule_set_ids_across_files(tmp_path):
    (tmp_path / "a.toml").write_text(header("a") + GOOD_RULE, encoding="utf-8")
    body = header("a") + GOOD_RULE
    problems = problems_for(tmp_path, body, name="b.toml")
    codes = sorted(p.code for p in problems)
    assert codes == ["E002", "E010"]  # b.toml's id is "a": wrong name and a duplicate


def test_every_problem_is_reported_not_just_the_first(tmp_path):
    bad = GOOD_RULE.replace('kind = "periodic"', 'kind = "nope"').replace(
        '["primary"]', '["college"]'
    )
    problems = problems_for(tmp_path, header() + bad + GOOD_RULE.replace("weekly", "monthly"))
    assert sorted(p.code for p in problems) == ["E005", "E007"]


def test_disclosure_item_problems(tmp_path):
    rule = GOOD_RULE.replace(
        'params = { period = "teaching_week", deadline = { hours = 12 }, boundary = "by" }',
        '[rules.params]\nperiod = "school_year"\ndeadline = { month = 6, day = 30 }\n'
        '[[rules.params.items]]\ncode = "x"\ntitle_vi = "X"\n',
    )
    problems = problems_for(tmp_path, header() + rule)
    assert [p.code for p in problems] == ["E008"]
    assert "item 'x': missing title_en" in problems[0].message


def test_loading_a_broken_directory_raises_with_all_problems(tmp_path):
    (tmp_path / "local.toml").write_text(header() + GOOD_RULE.replace("periodic", "x"), "utf-8")
    with pytest.raises(RuleSetError) as raised:
        load_rulesets(directory=tmp_path)
    assert raised.value.problems[0].code == "E007"
