"""Start-up validation of the bundled rule sets, as Django system checks.

The validation itself is pure (`compliance.engine.rulesets.validate_ruleset_files`); this module
only turns each problem into a `compliance.E0xx` error naming the file, the rule and what is
wrong, so a broken rule set stops `manage.py check`/`runserver`/`migrate` instead of silently
mis-judging schools.
"""

from __future__ import annotations

from pathlib import Path

from django.core import checks

from compliance.engine.rulesets import BUNDLED_RULESET_DIR, validate_ruleset_files


def ruleset_errors(*, directory: Path) -> list[checks.Error]:
    """The system-check errors for every problem in a directory of rule-set files."""
    return [
        checks.Error(
            str(problem),
            hint="Fix the rule-set file; see compliance/engine/rulesets.py for the format.",
            obj=str(Path(directory) / problem.file),
            id=f"compliance.{problem.code}",
        )
        for problem in validate_ruleset_files(directory=directory)
    ]


@checks.register()
def check_rulesets(app_configs=None, **kwargs) -> list[checks.Error]:
    """Validate the bundled rule sets (compliance/rulesets/*.toml)."""
    return ruleset_errors(directory=BUNDLED_RULESET_DIR)


def evidence_declaration_errors(*, rulesets, specs) -> list[checks.Error]:
    """Rule sets against the page models' `compliance_evidence` declarations, both ways.

    compliance.E012: a rule names a page type that is not a page model declaring itself
    evidence for that rule (a renamed class, a typo), or a page model declares a rule that no
    rule set has. compliance.E013: a rule's substance needs a measure its page type does not
    count (rows on a news page), so no page could ever satisfy it.
    """
    errors = []
    rule_ids = set()
    for ruleset in rulesets:
        for rule in ruleset.rules:
            rule_ids.add(rule.id)
            for page_type in sorted(rule.page_types):
                spec = specs.get(page_type)
                if spec is None or rule.id not in spec.rules:
                    errors.append(
                        checks.Error(
                            f"{ruleset.id}, rule {rule.id!r}: page type {page_type!r} is not a "
                            "page model declaring itself evidence for this rule",
                            hint="Declare it in the model's compliance_evidence "
                            "(sitepages/evidence.py) or fix page_types in the rule set.",
                            obj=ruleset.path or ruleset.id,
                            id="compliance.E012",
                        )
                    )
                    continue
                if rule.substance is not None:
                    lacking = rule.substance.measures_needed() - set(spec.measures)
                    if (
                        rule.substance.all
                        and set(rule.substance.all) & lacking
                        or (rule.substance.any and set(rule.substance.any) <= lacking)
                    ):
                        errors.append(
                            checks.Error(
                                f"{ruleset.id}, rule {rule.id!r}: {page_type} does not count "
                                f"{', '.join(sorted(lacking))}, which its substance needs",
                                obj=ruleset.path or ruleset.id,
                                id="compliance.E013",
                            )
                        )
    for page_type, spec in sorted(specs.items()):
        for rule_id in spec.rules:
            if rule_id not in rule_ids:
                errors.append(
                    checks.Error(
                        f"{page_type} declares itself evidence for {rule_id!r}, "
                        "which no rule set has",
                        obj=page_type,
                        id="compliance.E012",
                    )
                )
    return errors


@checks.register()
def check_evidence_declarations(app_configs=None, **kwargs) -> list[checks.Error]:
    """The bundled rule sets against the page models' evidence declarations."""
    from compliance.engine.rulesets import load_rulesets
    from compliance.evidence_reader import evidence_specs

    if validate_ruleset_files(directory=BUNDLED_RULESET_DIR):
        return []  # check_rulesets reports those
    return evidence_declaration_errors(rulesets=load_rulesets().values(), specs=evidence_specs())
