"""The compliance engine's pure core: rule sets as data, a school calendar, evidence snapshots,
a registry of rule kinds, the evaluator and the monthly roll-up.

No Django here (importable without settings): the database layer builds an `EvidenceSnapshot`
and a `SchoolCalendar`, calls `evaluate`, and stores what comes back.
"""

from tenants.schoolcalendar.calendar import (
    BreakLabel,
    BreakWeek,
    SchoolCalendar,
    SchoolYear,
    add_working_days,
    default_calendar,
    default_school_year,
    school_year_with_breaks,
)
from tenants.schoolcalendar.holidays import is_working_day, public_holidays
from tenants.schoolcalendar.localtime import LOCAL_TZ
from tenants.schoolcalendar.periods import parse_period_key, period_key_for_fields, school_year_of

from .evaluator import InvalidOverride, evaluate
from .evidence import EvidenceItem, EvidenceRef, EvidenceSnapshot
from .kinds import KINDS, get_kind
from .obligations import Boundary, Obligation, Status
from .rollup import Category, MonthVerdict, month_category, summary
from .rulesets import (
    BUNDLED_RULESET_DIR,
    Problem,
    Rule,
    RuleSet,
    RuleSetError,
    RuleSetInForce,
    load_ruleset_file,
    load_rulesets,
    validate_ruleset_files,
)

__all__ = [
    "BUNDLED_RULESET_DIR",
    "KINDS",
    "LOCAL_TZ",
    "Boundary",
    "BreakLabel",
    "BreakWeek",
    "Category",
    "EvidenceItem",
    "EvidenceRef",
    "EvidenceSnapshot",
    "InvalidOverride",
    "MonthVerdict",
    "Obligation",
    "Problem",
    "Rule",
    "RuleSet",
    "RuleSetError",
    "RuleSetInForce",
    "SchoolCalendar",
    "SchoolYear",
    "Status",
    "add_working_days",
    "default_calendar",
    "default_school_year",
    "evaluate",
    "get_kind",
    "is_working_day",
    "load_ruleset_file",
    "load_rulesets",
    "month_category",
    "parse_period_key",
    "period_key_for_fields",
    "public_holidays",
    "school_year_of",
    "school_year_with_breaks",
    "summary",
    "validate_ruleset_files",
]
