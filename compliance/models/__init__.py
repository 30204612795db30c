"""Public-schema models of the compliance app, one module per concern."""

from .results import (  # noqa: F401
    CalendarYear,
    ObligationResult,
    RuleParameterChange,
    RuleParameterOverride,
    RulesetAssignment,
    SchoolEvaluation,
)
