"""The Django system check is a thin wrapper: it needs no settings and no database."""

from compliance.checks import check_rulesets, ruleset_errors


def test_bundled_rule_sets_pass_the_system_check():
    assert check_rulesets() == []


def test_problems_become_compliance_errors(tmp_path):
    (tmp_path / "local.toml").write_text(
        'id = "local"\ntitle_vi = "x"\ntitle_en = "x"\nsource = "x"\n'
        '[[rules]]\nid = "weekly-plan"\ntitle_vi = "x"\ntitle_en = "x"\ncitation = "x"\n'
        'levels = ["primary"]\npage_types = ["WeeklyPlanPage"]\nkind = "weekly"\n',
        encoding="utf-8",
    )
    (tmp_path / "broken.toml").write_text("id = ", encoding="utf-8")
    errors = ruleset_errors(directory=tmp_path)
    assert [e.id for e in errors] == ["compliance.E001", "compliance.E007"]
    assert "broken.toml" in errors[0].msg
    assert "local.toml, rule 'weekly-plan': unknown kind 'weekly'" in errors[1].msg
    assert errors[1].obj.endswith("local.toml")
    assert errors[1].is_serious()
