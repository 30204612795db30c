"""Public-schema models of the compliance app: rule-set choices, calendars, stored results,
evaluations asked for (the outbox), each school's evidence-chain head."""

from .evidence_anchor import EvidenceChainHead  # noqa: F401
from .outbox import EvaluationRequest  # noqa: F401
from .results import (  # noqa: F401
    CalendarYear,
    ObligationResult,
    ObligationStatus,
    RuleParameterChange,
    RuleParameterOverride,
    RulesetAssignment,
    SchoolEvaluation,
    WeekTally,
)
