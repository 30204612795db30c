"""The registry of rule kinds and their parameter schemas."""

import pytest

from compliance.engine import KINDS, get_kind


def test_the_five_kinds_are_registered_with_schemas():
    assert sorted(KINDS) == ["always_present", "frequency", "latency", "periodic", "retention"]
    for kind in KINDS.values():
        assert kind.params, kind.name
        assert kind.upcoming in ("next", "all")


def test_unknown_kind():
    with pytest.raises(KeyError, match="unknown rule kind 'weekly'"):
        get_kind("weekly")


@pytest.mark.parametrize(
    ("kind", "params", "words"),
    [
        ("frequency", {}, "missing required parameter 'count'"),
        ("frequency", {"count": 0}, "must be >= 1"),
        ("frequency", {"count": True}, "must be an integer"),
        ("frequency", {"count": 2, "period": "month"}, "must be one of"),
        ("latency", {"anchor": "issued_on", "offset": {"months": 1}}, "only working_days"),
        ("latency", {"offset": {}}, "missing required parameter 'anchor'"),
        ("retention", {"years": 0}, "must be >= 1"),
        ("always_present", {"count": 1, "deadline": {}}, "unknown parameter 'deadline'"),
        ("periodic", {"period": "month", "deadline_s1": {}}, "only apply to period = 'semester'"),
        ("periodic", {"period": "month", "items": []}, None),
        ("periodic", {"period": "month", "grace_minutes": -5}, "must be >= 0"),
        (
            "periodic",
            {
                "period": "school_year",
                "deadline": {"month": 6, "day": 30},
                "items": [{"code": "A"}],
            },
            "code must be lowercase",
        ),
    ],
)
def test_parameter_schemas_explain_what_is_wrong(kind, params, words):
    problems = get_kind(kind).problems(params)
    if words is None:
        assert problems == []
    else:
        assert any(words in p for p in problems), problems


def test_defaults_are_filled_in():
    resolved = get_kind("periodic").resolved({"period": "month"})
    assert resolved["boundary"] == "before"
    assert resolved["grace_minutes"] == 0
    assert resolved["deadline"] == {}
    assert resolved["teaching_months_only"] is True
