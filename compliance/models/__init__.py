"""Public-schema models of the compliance app, one module per concern."""

from .portal import (  # noqa: F401
    DeliveryStatus,
    DigestLog,
    ReminderLog,
    ReminderPreference,
)
from .results import (  # noqa: F401
    CalendarYear,
    ObligationResult,
    RuleParameterChange,
    RuleParameterOverride,
    RulesetAssignment,
    SchoolEvaluation,
)
