"""The site's disclosure catalogue (what editors create) and the rule set (what is judged) must
name the same items with the same levels, or a school's disclosure would never count."""

from compliance.engine.rulesets import load_rulesets
from sitepages import disclosure_items

ALL = {"preschool", "primary", "lower_secondary"}


def test_rule_set_items_are_the_sites_catalogue():
    tt09 = load_rulesets()["tt09-2024"]
    judged = {
        item["code"]: set(item.get("levels", ALL))
        for rule in ("disclosure-annual", "annual-report")
        for item in tt09.rule(rule).params["items"]
    }
    offered = {item.code: set(item.levels) for item in disclosure_items.ITEMS}
    assert judged == offered


def test_meals_condition_agrees():
    tt09 = load_rulesets()["tt09-2024"]
    conditional = {
        item["code"]
        for item in tt09.rule("disclosure-annual").params["items"]
        if item.get("level_conditions")
    }
    assert conditional == {item.code for item in disclosure_items.ITEMS if item.only_if_meals}
