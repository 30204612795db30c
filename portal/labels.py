"""Words only the portal shows: short column labels for rules and short status words (the
full status and category labels are compliance's, `compliance/presentation.py`).

Status cells always carry text (a short word plus the full label for screen readers), so colour
is never the only signal.
"""

from compliance.models import ObligationStatus
from compliance.presentation import rule_title
from compliance.selectors import bundled_rulesets

STATUS_SHORT = {
    ObligationStatus.ON_TIME: "Đúng",
    ObligationStatus.LATE: "Trễ",
    ObligationStatus.MISSING: "Thiếu",
    ObligationStatus.PENDING: "Chờ",
    ObligationStatus.NOT_APPLICABLE: "—",
}

# Short column headings; (ruleset, rule) where a rule id exists in two rule sets.
_SHORT = {
    "organisation": "Tổ chức",
    "procedures": "Thủ tục",
    "contacts": "Liên hệ",
    "annual-plan": "KH năm",
    "monthly-plan": "KH tháng",
    "weekly-plan": "KH tuần",
    "work-schedule": "Lịch CT",
    "lesson-register": "Báo giảng",
    "timetable": "TKB",
    "news-topical": "Thời sự",
    "urgent": "Khẩn",
    "changes": "VB mới",
    "news-weekly": "Tin/tuần",
    "disclosure-annual": "CK năm",
    "disclosure-update": "CK sửa",
    "annual-report": "BC năm",
    "mn-monthly-plan": "KH tháng MN",
    "mn-weekly-plan": "KH tuần MN",
    "menu": "Thực đơn",
    "disclosure-retention": "Lưu CK",
    ("tt37-2020", "organisation"): "Giới thiệu",
    ("tt37-2020", "contacts"): "Hỏi đáp",
    "news": "Tin tức",
    "documents": "Văn bản",
    "admission": "Tuyển sinh",
    "feedback": "Góp ý",
    "disclosure": "Công khai",
}


def rule_short(ruleset: str, rule: str) -> str:
    return _SHORT.get((ruleset, rule)) or _SHORT.get(rule) or rule_title(ruleset, rule)[:14]


def rule_order(ruleset: str, rule: str) -> tuple:
    """Columns follow the rule sets' own order (the order the letters list them in)."""
    rulesets = bundled_rulesets()
    if ruleset in rulesets:
        ids = [r.id for r in rulesets[ruleset].rules]
        if rule in ids:
            return (ruleset, ids.index(rule))
    return (ruleset, 10_000, rule)


# The dashboard's column groups (the detail of each group opens from its cell), in order.
GROUPS = ("Tổ chức", "Kế hoạch", "Lịch", "Tin", "Công khai")
_GROUP_OF = {
    "organisation": "Tổ chức", "procedures": "Tổ chức", "contacts": "Tổ chức",
    "admission": "Tổ chức", "feedback": "Tổ chức",
    "annual-plan": "Kế hoạch", "monthly-plan": "Kế hoạch", "weekly-plan": "Kế hoạch",
    "timetable": "Kế hoạch", "mn-monthly-plan": "Kế hoạch", "mn-weekly-plan": "Kế hoạch",
    "work-schedule": "Lịch", "lesson-register": "Lịch", "menu": "Lịch",
    "news-topical": "Tin", "urgent": "Tin", "changes": "Tin", "news-weekly": "Tin",
    "news": "Tin", "documents": "Tin",
    "disclosure-annual": "Công khai", "disclosure-update": "Công khai",
    "annual-report": "Công khai", "disclosure-retention": "Công khai", "disclosure": "Công khai",
}  # fmt: skip
# Worst first: a group's cell shows its worst rule's status.
STATUS_RANK = {"missing": 0, "late": 1, "pending": 2, "on_time": 3, "none": 4}


def rule_group(ruleset: str, rule: str) -> str:
    return _GROUP_OF.get(rule, "Tổ chức" if ruleset == "tt37-2020" else "Công khai")
