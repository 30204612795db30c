"""Human-readable words for obligations and results, in Vietnamese or English: status and
category labels, a rule's title, a period as people read it, and a plain-text table.

Every app that shows results (the school admin's panel, the portal, reports, reminders) takes its
words from here, so one obligation reads the same in a report, an e-mail and on the dashboard.
"""

import datetime as dt

from django.utils.translation import gettext

from compliance.models import ObligationStatus
from compliance.selectors import bundled_rulesets
from tenants.dates import datetime_format
from tenants.schoolcalendar.labels import period_label

STATUS_LABELS = {
    "vi": {status.value: str(status.label) for status in ObligationStatus},
    "en": {
        ObligationStatus.ON_TIME: "on time",
        ObligationStatus.LATE: "late",
        ObligationStatus.MISSING: "missing",
        ObligationStatus.PENDING: "not yet due",
        ObligationStatus.NOT_APPLICABLE: "not applicable",
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
# The portal's and the reports' words: a school never evaluated has a category too.
STATUS_VI = STATUS_LABELS["vi"]
CATEGORY_VI = {**CATEGORY_LABELS["vi"], "not_evaluated": "chưa đánh giá"}
# The monthly list's three categories, worst first (RULES.md, Phong Điền letter).
LISTED_CATEGORIES = ("did_not_update", "incomplete", "irregular")
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


def item_title(ruleset: str, rule: str, item: str) -> str:
    """A disclosure item's title from the rule set (its code when the rule set has none)."""
    if not item:
        return ""
    try:
        items = bundled_rulesets()[ruleset].rule(rule).params.get("items") or ()
    except KeyError:
        return item
    for entry in items:
        if isinstance(entry, dict) and entry.get("code") == item:
            return entry.get("title_vi") or item
    return item


def period_text(period_key: str, *, evidence=(), calendar=None) -> str:
    """A period key as people read it (tenants/schoolcalendar/labels.py): `2026-W49` → "Tuần 13
    (30/11 – 06/12/2026)" by `calendar` (the ministry's frame when None), `2026-12` → "Tháng
    12/2026"; a per-page obligation (`page:51`) is named by its page's title from `evidence`
    (refs or dicts), never by its number."""
    label = period_label(period_key, calendar)
    if label or not period_key.startswith("page:"):
        return label
    for ref in evidence or ():
        title = ref.get("title") if isinstance(ref, dict) else getattr(ref, "title", "")
        if title:
            return f"“{title}”"
    return "trang đã bị xóa"


def evidence_links(evidence) -> list[dict]:
    """`[{"title", "url"}]` of the pages behind an obligation (refs or stored dicts)."""
    links = []
    for ref in evidence or ():
        if isinstance(ref, dict):
            links.append({"title": ref.get("title", ""), "url": ref.get("url", "")})
        else:
            links.append({"title": ref.title, "url": ref.url})
    return links


def flag_texts(flags) -> list[str]:
    """What an obligation's stored flags (`Obligation.flags`) tell the authority, in Vietnamese,
    e.g. "⚠ Ngày nhận khai lùi: ghi nhận 01/11/2026 08:00, trang tạo lúc 05/11/2026 09:00"."""
    texts = []
    backdated = (flags or {}).get("anchor_backdated")
    if backdated:
        claimed = dt.datetime.fromisoformat(backdated["claimed"])
        created = dt.datetime.fromisoformat(backdated["created_at"])
        texts.append(
            f"⚠ Ngày nhận khai lùi: ghi nhận {local_text(claimed)}, "
            f"trang tạo lúc {local_text(created)}"
        )
    return texts


def local_text(moment) -> str:
    """An aware moment as people read it, `dd/mm/yyyy HH:MM` local time; "—" for None."""
    return datetime_format(moment) if moment else "—"


def due_text(kind: str, due_at) -> str:
    """A result's "Hạn": the deadline as `local_text` reads it, or "thường xuyên" (in the active
    language) for an always-present rule, which has no deadline — its due_at is only the moment
    it was last checked."""
    return gettext("thường xuyên") if kind == "always_present" else local_text(due_at)


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
                period_text(o.period_key, evidence=o.evidence),
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
