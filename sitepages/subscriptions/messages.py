"""The subscription e-mails, in Vietnamese (gettext): the confirmation and a page's notice.

Plain text, one recipient each. A notice carries the RFC 2369 / RFC 8058 headers that let a
mail client unsubscribe in one click (`List-Unsubscribe` with the HTTPS URL,
`List-Unsubscribe-Post: List-Unsubscribe=One-Click`) and the same link in its body.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils.translation import gettext as _

from sitepages.models import SubscriptionTopic


def topics_display(topics: list[str]) -> str:
    """ "Thông báo khẩn, Kế hoạch tuần" in the choices' order."""
    labels = dict(SubscriptionTopic.choices)
    return ", ".join(str(labels[topic]) for topic in SubscriptionTopic.values if topic in topics)


def confirmation_message(
    *, email: str, topics: list[str], school_name: str, confirm_url: str
) -> EmailMessage:
    subject = _("[%(school)s] Xác nhận đăng ký nhận tin qua thư điện tử") % {"school": school_name}
    body = _(
        "Kính gửi quý phụ huynh,\n\n"
        "Địa chỉ này vừa được dùng để đăng ký nhận tin của %(school)s: %(topics)s.\n\n"
        "Để bắt đầu nhận tin, vui lòng mở đường dẫn sau trong 7 ngày:\n%(url)s\n\n"
        "Nếu không phải bạn đăng ký, hãy bỏ qua thư này: địa chỉ của bạn sẽ không được lưu.\n"
    ) % {"school": school_name, "topics": topics_display(topics), "url": confirm_url}
    return EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [email])


def notice_message(
    *,
    email: str,
    topic: str,
    school_name: str,
    title: str,
    period: str,
    summary: str,
    page_url: str,
    unsubscribe_url: str,
    list_id: str,
) -> EmailMessage:
    topic_label = dict(SubscriptionTopic.choices)[topic]
    subject = _("[%(school)s] %(topic)s: %(title)s") % {
        "school": school_name,
        "topic": topic_label,
        "title": title,
    }
    lines = [title]
    if period:
        lines.append(period)
    if summary:
        lines += ["", summary]
    lines += ["", _("Xem đầy đủ trên website của trường: %(url)s") % {"url": page_url}, ""]
    lines.append("-- ")
    lines.append(
        _("Bạn nhận thư này vì đã đăng ký nhận “%(topic)s” của %(school)s. Hủy đăng ký: %(url)s")
        % {"topic": topic_label, "school": school_name, "url": unsubscribe_url}
    )
    headers = {
        "List-Unsubscribe": f"<{unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "List-Id": f"<{list_id}>",
        "Auto-Submitted": "auto-generated",
    }
    return EmailMessage(
        subject, "\n".join(lines) + "\n", settings.DEFAULT_FROM_EMAIL, [email], headers=headers
    )
