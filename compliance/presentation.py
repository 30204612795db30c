"""Human-readable words and a plain-text table for obligations, in Vietnamese or English."""

from compliance.engine.localtime import LOCAL_TZ
from compliance.selectors import bundled_rulesets

STATUS_LABELS = {
    "vi": {
        "on_time": "đúng hạn",
        "late": "trễ hạn",
        "missing": "thiếu",
        "pending": "chưa đến hạn",
        "not_applicable": "không áp dụng",
    },
    "en": {
        "on_time": "on time",
        "late": "late",
        "missing": "missing",
        "pending": "not yet due",
        "not_applicable": "not applicable",
    },
}
CATEGORY_LABELS = {
    "vi": {
        "did_not_update": "chưa cập nhật",
        "incomplete": "cập nhật thiếu",
        "irregular": "cập nhật không thường xuyên",
        "compliant": "đạt yêu cầu",
    },
    "en": {
        "did_not_update": "did not update",
        "incomplete": "updated incompletely",
        "irregular": "updated irregularly",
        "compliant": "compliant",
    },
}
HEADERS = {
    "vi": ("Quy định", "Kỳ", "Hạn", "Trạng thái", "Đăng lúc", "Trễ"),
    "en": ("Rule", "Period", "Due", "Status", "Published", "Late by"),
}


def rule_title(ruleset_id: str, rule_id: str, *, lang: str = "vi") -> str:
    try:
        rule = bundled_rulesets()[ruleset_id].rule(rule_id)
    except KeyError:
        return rule_id
    return rule.title_vi if lang == "vi" else rule.title_en


def local_text(moment) -> str:
    return moment.astimezone(LOCAL_TZ).strftime("%d/%m/%Y %H:%M") if moment else "—"


def duration_text(delta, *, lang: str = "vi") -> str:
    if delta is None:
        return ""
    hours = int(delta.total_seconds() // 3600)
    days, hours = divmod(hours, 24)
    minutes = int(delta.total_seconds() // 60) % 60
    if lang == "vi":
        return f"{days} ngày {hours} giờ" if days else f"{hours} giờ {minutes} phút"
    return f"{days} d {hours} h" if days else f"{hours} h {minutes} min"


def report_table(report, *, lang: str = "vi") -> str:
    rows = [HEADERS[lang]]
    for o in report.obligations:
        title = rule_title(o.ruleset, o.rule, lang=lang)
        if o.item:
            title = f"{title} ({o.item})"
        rows.append(
            (
                title[:48],
                o.period_key,
                local_text(o.due_at),
                STATUS_LABELS[lang][str(o.status)],
                local_text(o.satisfied_at) if o.satisfied_at else "",
                duration_text(o.late_by, lang=lang),
            )
        )
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(rows[0]))]
    lines = [f"{report.school.name} — {local_text(report.as_of)}"]
    lines += [
        "  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True))
        for row in rows
    ]
    counts = ", ".join(f"{STATUS_LABELS[lang][k]}: {v}" for k, v in report.summary.items())
    month_word = "Tháng" if lang == "vi" else "Month"
    lines.append(counts)
    lines.append(f"{month_word} {report.month}: {CATEGORY_LABELS[lang][report.category]}")
    return "\n".join(lines)
