"""A rule's parameters as an authority's specialist reads and edits them: which ones, what
they mean in Vietnamese, and their form values ↔ the kind's parameter values. The kinds'
schemas (compliance/engine/kinds/) stay the judge: `rule_parameters_set` checks the result.

Editable: whole numbers (count, grace_minutes, years, max_gap_minutes), `boundary`,
`teaching_months_only`, and a relative deadline (`deadline = {days, hours, minutes}`: "Monday
12:00" is `{hours = 12}` from the week's start) or a fixed one (`{month, day}`: "before 15/08").
"""

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

MEANINGS = {
    "count": _("Số trang cần có (với quy định tần suất: số tin mỗi tuần học)"),
    "grace_minutes": _("Cho thêm sau hạn (phút)"),
    "boundary": _("Cách tính hạn"),
    "years": _("Số năm phải lưu trên website"),
    "max_gap_minutes": _("Thời gian gián đoạn cho phép (phút)"),
    "teaching_months_only": _("Chỉ tính các tháng có dạy học"),
    "deadline": _("Hạn đăng"),
}
BOUNDARY_VI = {
    "before": _("trước thời điểm hạn (đúng giờ hạn là trễ)"),
    "by": _("đến hết thời điểm hạn"),
}
SIMPLE_INT = ("count", "grace_minutes", "years", "max_gap_minutes")


@dataclass(frozen=True)
class ParamRow:
    """One editable parameter: `name` is the kind's, `value` the one in force (form text)."""

    name: str
    label: str
    widget: str  # "int", "boundary", "bool", "deadline_rel", "deadline_fixed"
    value: Any
    default: Any


def editable_params(rule, in_force: dict) -> list[ParamRow]:
    """The rule's editable parameters with the values in force (rule file + overrides)."""
    params = {**rule.params, **in_force}
    rows = []
    for name in SIMPLE_INT:
        if name in params:
            default = rule.params.get(name)
            rows.append(ParamRow(name, str(MEANINGS[name]), "int", params[name], default))
    if "boundary" in params:
        rows.append(
            ParamRow("boundary", str(MEANINGS["boundary"]), "boundary", params["boundary"], None)
        )
    if "teaching_months_only" in params:
        rows.append(
            ParamRow(
                "teaching_months_only",
                str(MEANINGS["teaching_months_only"]),
                "bool",
                params["teaching_months_only"],
                None,
            )
        )
    deadline = params.get("deadline")
    if isinstance(deadline, dict) and deadline:
        fixed = "month" in deadline
        if fixed:
            value = f"{deadline.get('day', 1):02d}/{deadline['month']:02d}"
        else:
            value = f"{deadline.get('hours', 0):02d}:{deadline.get('minutes', 0):02d}"
        rows.append(
            ParamRow(
                "deadline",
                str(MEANINGS["deadline"]),
                "deadline_fixed" if fixed else "deadline_rel",
                value,
                deadline,
            )
        )
    return rows


class ParamInputError(ValueError):
    pass


def params_from_form(rule, in_force: dict, data) -> dict:
    """The override to store from the submitted form: only what differs from the rule file.
    Raises ParamInputError (Vietnamese, naming the parameter) for a value of the wrong shape."""
    out: dict[str, Any] = {}
    for row in editable_params(rule, in_force):
        if row.widget != "bool" and row.name not in data:
            # not on the form sent: the value in force stays
            if row.name in in_force:
                out[row.name] = in_force[row.name]
            continue
        raw = (data.get(row.name) or "").strip() if row.widget != "bool" else data.get(row.name)
        if row.widget == "int":
            try:
                value = int(raw)
            except ValueError:
                raise ParamInputError(
                    _("%(label)s: cần một số nguyên, ví dụ 3.") % {"label": row.label}
                ) from None
            least = 1 if row.name in ("count", "years") else 0
            if value < least:
                raise ParamInputError(
                    _("%(label)s: phải từ %(least)d trở lên.")
                    % {"label": row.label, "least": least}
                )
        elif row.widget == "boundary":
            if raw not in BOUNDARY_VI:
                raise ParamInputError(_("Cách tính hạn không hợp lệ."))
            value = raw
        elif row.widget == "bool":
            value = raw in ("on", "1", "true")
        elif row.widget == "deadline_rel":
            value = {**row.default}
            try:
                hours, minutes = (int(p) for p in raw.split(":"))
                if not (0 <= hours <= 23 and 0 <= minutes <= 59):
                    raise ValueError
            except ValueError:
                raise ParamInputError(
                    _("%(label)s: giờ phải có dạng HH:MM, ví dụ 10:00.") % {"label": row.label}
                ) from None
            value.update(hours=hours, minutes=minutes)
            value = {k: v for k, v in value.items() if v or k == "hours"}
        else:  # deadline_fixed
            value = {**row.default}
            try:
                day, month = (int(p) for p in raw.split("/"))
            except ValueError:
                raise ParamInputError(
                    _("%(label)s: ngày phải có dạng dd/mm, ví dụ 15/08.") % {"label": row.label}
                ) from None
            value.update(day=day, month=month)
        # the kinds' own defaults where the rule file is silent (teaching_months_only: true)
        fallback = {"int": row.default, "bool": True}.get(row.widget)
        if value != rule.params.get(row.name, fallback):
            out[row.name] = value
    return out


# ---- a rule's parameters in words (histories and scheduled changes) ----------------------

WEEKDAYS_VI = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")
PERIOD_START_VI = {
    "month": _("ngày đầu tháng"),
    "semester": _("ngày đầu học kỳ"),
    "school_year": _("ngày đầu năm học"),
}


def rule_name(rule) -> str:
    """The rule's name without the letter's figures: "Tin tức sự kiện: ít nhất 02 tin mỗi
    tuần" → "Tin tức sự kiện" (the figures in force are said by `params_text`)."""
    return rule.title_vi.split(":", 1)[0].strip()


def params_text(rule, params: dict) -> str:
    """`params` (a rule's override or values) in Vietnamese words, one clause per parameter:
    {"count": 3} of a frequency rule → "tối thiểu 3 tin/tuần"; {"deadline": {"hours": 10}} of a
    weekly rule → "hạn: 10:00 thứ Hai". Unknown parameters are named with their value."""
    clauses = []
    for name, value in params.items():
        if name == "period":
            continue
        clauses.append(_param_clause(rule, name, value, params.get("period")))
    return "; ".join(clauses)


def _param_clause(rule, name: str, value, period: str | None) -> str:
    if name == "count":
        if rule.kind == "frequency":
            return _("tối thiểu %(n)s tin/tuần") % {"n": value}
        return _("cần %(n)s trang") % {"n": value}
    if name == "grace_minutes":
        return _("cho thêm %(n)s phút sau hạn") % {"n": value}
    if name == "boundary":
        return str(BOUNDARY_VI.get(value, value))
    if name == "years":
        return _("lưu trên website %(n)s năm") % {"n": value}
    if name == "max_gap_minutes":
        return _("gián đoạn cho phép %(n)s phút") % {"n": value}
    if name == "teaching_months_only":
        return _("chỉ tính các tháng có dạy học") if value else _("tính cả các tháng nghỉ")
    if name == "deadline" and isinstance(value, dict):
        period = period or rule.params.get("period", "")
        return _("hạn: %(when)s") % {"when": deadline_text(value, period=period)}
    return f"{MEANINGS.get(name, name)}: {value}"


def deadline_text(deadline: dict, *, period: str) -> str:
    """A deadline table (compliance/engine/deadlines.py) in words: {"month": 8, "day": 15} →
    "ngày 15/08"; {"hours": 12} of a teaching week → "12:00 thứ Hai"; {"days": -2} →
    "thứ Bảy tuần trước"; {"months": -1, "day": 25} → "ngày 25 tháng trước"."""
    timed = deadline.get("hours", 0) or deadline.get("minutes", 0)
    clock = f"{deadline.get('hours', 0):02d}:{deadline.get('minutes', 0):02d} " if timed else ""
    if "month" in deadline:
        day = f"{deadline.get('day', 1):02d}/{deadline['month']:02d}"
        return _("%(clock)sngày %(day)s") % {"clock": clock, "day": day}
    days = deadline.get("days", 0) + deadline.get("working_days", 0)
    if "months" in deadline or "day" in deadline:
        months = deadline.get("months", 0)
        which = {0: _("tháng này"), -1: _("tháng trước"), 1: _("tháng sau")}.get(
            months, _("%(n)s tháng sau") % {"n": months}
        )
        return _("%(clock)sngày %(day)s %(which)s") % {
            "clock": clock,
            "day": deadline.get("day", 1),
            "which": which,
        }
    if period == "teaching_week":
        week, weekday = divmod(days, 7)
        text = f"{clock}{WEEKDAYS_VI[weekday]}"
        if week < 0:
            return _("%(when)s tuần trước") % {"when": text}
        if week > 0:
            return _("%(when)s sau %(n)s tuần") % {"when": text, "n": week}
        return text
    start = str(PERIOD_START_VI.get(period, _("đầu kỳ")))
    if days:
        return _("%(clock)s%(n)s ngày sau %(start)s") % {
            "clock": clock,
            "n": days,
            "start": start,
        }
    return f"{clock}{start}"
