"""The words of reminders, alerts and digests (plain-text e-mail, Vietnamese, local times)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse

from compliance.models import ObligationResult
from compliance.presentation import CATEGORY_VI, item_title, local_text, period_text, rule_title
from reminders.preferences import preference_token
from tenants.hosts import site_url
from tenants.selectors import school_primary_host

SUBJECTS = {
    "before_due": "[Nhắc hạn] {school}: {count} mục cần đăng trước hạn",
    "late": "[Trễ hạn] {school}: {count} mục đã quá hạn",
}
INTROS = {
    "before_due": "Website của trường {school} sắp đến hạn đăng các mục sau:",
    "late": "Các mục sau của website trường {school} đã quá hạn mà chưa đăng, hoặc đã đăng trễ:",
}


def item_line(log) -> str:
    """`- Kế hoạch tuần — Tuần 13 (30/11 – 06/12/2026): hạn 30/11/2026 12:00`, with the page's
    title and link when the obligation is about one page (never its number)."""
    name = rule_title(log.ruleset, log.rule)
    detail = item_title(log.ruleset, log.rule, log.item)
    name += f" ({detail})" if detail else ""
    evidence = (
        ObligationResult.objects.filter(
            school_id=log.school_id,
            ruleset=log.ruleset,
            rule=log.rule,
            period_key=log.period_key,
            item=log.item or "",
        )
        .values_list("evidence", flat=True)
        .first()
        or []
    )
    line = (
        f"- {name} — {period_text(log.period_key, evidence=evidence)}: hạn {local_text(log.due_at)}"
    )
    links = [ref["url"] for ref in evidence if ref.get("url")]
    return f"{line}\n  {links[0]}" if links and log.period_key.startswith("page:") else line


def portal_url(authority, path: str) -> str | None:
    if authority is None or not authority.portal_domain:
        return None
    return site_url(authority.portal_domain, path)


def school_messages(*, school, kind: str, logs, recipients: list[str]) -> list[EmailMessage]:
    """One message per recipient (each carries their own link to choose what they receive)."""
    host = school_primary_host(school)
    lines = [
        "Kính gửi thầy/cô,",
        "",
        INTROS[kind].format(school=school.name),
        *[item_line(log) for log in logs],
        "",
    ]
    if host:
        lines.append(f"Đăng bài tại trang quản trị: {site_url(host, '/admin/')}")
    authority = school.authority
    signature = f"Thư tự động của {authority.name}." if authority else "Thư tự động."
    subject = SUBJECTS[kind].format(school=school.name, count=len(logs))
    messages = []
    for email in recipients:
        token = preference_token(schema_name=school.schema_name, email=email)
        link = portal_url(
            authority,
            reverse("reminders:preferences_token", args=[token], urlconf="schoolhost.urls_public"),
        )
        footer = [signature] + ([f"Chọn loại thông báo muốn nhận: {link}"] if link else [])
        messages.append(
            EmailMessage(
                subject=subject,
                body="\n".join(lines + ["", *footer]),
                from_email=settings.DEFAULT_FROM_EMAIL,
                to=[email],
            )
        )
    return messages


def week_text(week: str) -> str:
    """`2026-W46` → "tuần 09/11–15/11/2026"."""
    monday = dt.date.fromisocalendar(int(week[:4]), int(week[6:]), 1)
    return f"tuần {monday:%d/%m}–{monday + dt.timedelta(days=6):%d/%m/%Y}"


def digest_message(
    *, authority, week: str, counts: dict, worst: list, recipients: list[str]
) -> EmailMessage:
    lines = [
        f"Bản tin {week_text(week)} — {authority.name}",
        "",
        "Xếp loại tháng hiện tại của các trường:",
        *[f"- {CATEGORY_VI.get(key, key)}: {count} trường" for key, count in counts.items()],
        "",
    ]
    if worst:
        lines.append("Các trường có nhiều mục trễ hoặc thiếu nhất trong tuần:")
        lines += [f"- {name}: {late} mục trễ, {missing} mục thiếu" for name, late, missing in worst]
    else:
        lines.append("Không có mục nào trễ hoặc thiếu trong tuần.")
    dashboard = portal_url(authority, "/")
    if dashboard:
        lines += ["", f"Xem chi tiết: {dashboard}"]
    preferences = portal_url(
        authority, reverse("reminders:preferences", urlconf="schoolhost.urls_public")
    )
    if preferences:
        lines.append(f"Thôi nhận bản tin: {preferences}")
    return EmailMessage(
        subject=f"[Bản tin {week_text(week)}] Cập nhật website các trường — {authority.name}",
        body="\n".join(lines),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=recipients,
    )
