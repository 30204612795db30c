"""Public-schema models of the compliance app: rule-set choices, calendars, stored results."""

from .results import (  # noqa: F401
    CalendarYear,
    ObligationResult,
    RuleParameterChange,
    RuleParameterOverride,
    RulesetAssignment,
    SchoolEvaluation,
)
