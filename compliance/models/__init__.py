"""Public-schema models of the compliance app, one module per concern."""

from .portal import (  # noqa: F401
    AuthorityMembership,
    DeliveryStatus,
    DigestLog,
    ReminderLog,
    ReminderPreference,
)
from .reports import MonthlyReport, MonthlyReportEntry, MonthlyReportGeneration  # noqa: F401
from .results import (  # noqa: F401
    CalendarYear,
    ObligationResult,
    RuleParameterChange,
    RuleParameterOverride,
    RulesetAssignment,
    SchoolEvaluation,
)
