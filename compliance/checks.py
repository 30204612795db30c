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
