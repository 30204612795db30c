"""Messages an authority sends now (/quan-ly/nhac-nho/): to one school, the schools of one
category in a month's published or draft list (e.g. every "cập nhật thiếu" school of last
month; for the month under way, the dashboard's rating so far), or every school; by e-mail to each school's principal and editors
(`school_recipients`), one e-mail per school, every delivery logged.

The request only records: the message, its audit row and one QUEUED delivery per school, in
one transaction (the deliveries are the outbox). After the commit a worker sends them
(`reminders.authority_message_deliver`), each delivery claimed under a row lock and sent only
while QUEUED, so a redelivered or retried task never mails a school twice; the page's log
shows each delivery's outcome as it lands. A send the broker refused is queued again by the
hourly dispatch (`authority_messages_requeue`).
"""

import datetime as dt
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from compliance.presentation import CATEGORY_VI
from portal.models import AuditEntry
from portal.services.audit import audit_record
from reminders.models import AuthorityMessage, AuthorityMessageDelivery, DeliveryStatus
from reminders.selectors import school_recipients
from reports.models import MonthlyReport
from reports.months import month_label, month_of, month_parse
from tenants.hosts import site_url
from tenants.models import Authority, School
from tenants.selectors import school_primary_host, schools_of_authority

logger = logging.getLogger(__name__)


class AudienceError(ValueError):
    """The chosen audience cannot be resolved; the message says why in Vietnamese."""


@dataclass(frozen=True)
class Audience:
    schools: list[School]
    description: str  # "3 trường cập nhật thiếu tháng 10/2026"


def audience_resolve(
    *, authority: Authority, target: str, school_code: str = "", category: str = "", month: str = ""
) -> Audience:
    """`target` is "one" (school_code), "category" (category in `month`'s report) or "all"."""
    in_scope = (
        schools_of_authority(authority)
        .filter(status=School.Status.ACTIVE)
        .prefetch_related("domains")  # each message names the school's admin host
    )
    if target == "one":
        school = in_scope.filter(code=school_code).first()
        if school is None:
            raise AudienceError(_("Chọn một trường đang hoạt động của cơ quan."))
        return Audience([school], school.name)
    if target == "all":
        schools = list(in_scope)
        return Audience(schools, _("tất cả %(n)d trường") % {"n": len(schools)})
    if target == "category":
        if category not in CATEGORY_VI:
            raise AudienceError(_("Chọn nhóm xếp loại."))
        try:
            month = month_parse(month).key  # typed 10/2026 or 2026-10
        except ValueError as exc:
            raise AudienceError(str(exc)) from None
        report = MonthlyReport.objects.filter(authority=authority, month=month).first()
        if report is not None:
            codes = report.entries.filter(category=category).values_list("school_code", flat=True)
            schools = list(in_scope.filter(code__in=list(codes)))
            words = _("%(n)d trường %(category)s %(month)s")
        elif month == month_of(timezone.now()).key:
            # The month under way: the dashboard's rating so far (each school's last evaluation),
            # so the laggards can be reminded before the month's list exists.
            schools = list(in_scope.filter(evaluation__month_category=category))
            words = _("%(n)d trường %(category)s %(month)s (tạm tính, tháng chưa kết thúc)")
        else:
            raise AudienceError(
                _("Chưa có báo cáo %(month)s để chọn các trường theo xếp loại.")
                % {"month": month_label(month)}
            )
        return Audience(
            schools,
            words
            % {"n": len(schools), "category": CATEGORY_VI[category], "month": month_label(month)},
        )
    raise AudienceError(_("Chọn người nhận."))


def authority_message_send(
    *, authority: Authority, sender: str, subject: str, body: str, audience: Audience
) -> AuthorityMessage:
    """Record the message with one queued delivery per school of the audience (audited) and
    hand the sending to a worker once the transaction commits; returns at once."""
    subject, body = subject.strip(), body.strip()
    if not subject or not body:
        raise AudienceError(_("Cần tiêu đề và nội dung."))
    if not audience.schools:
        raise AudienceError(_("Không có trường nào trong nhóm đã chọn."))
    with transaction.atomic():
        message = AuthorityMessage.objects.create(
            authority=authority,
            sender=sender,
            subject=subject[:200],
            body=body,
            audience=audience.description[:255],
        )
        audit_record(
            authority=authority,
            actor=sender,
            action=AuditEntry.Action.MESSAGE_SEND,
            target=subject[:255],
            after={"audience": audience.description, "schools": len(audience.schools)},
        )
        AuthorityMessageDelivery.objects.bulk_create(
            AuthorityMessageDelivery(message=message, school=school, status=DeliveryStatus.QUEUED)
            for school in audience.schools
        )
        transaction.on_commit(lambda: authority_message_enqueue(message.pk))
    return message


def authority_message_enqueue(message_id: int) -> bool:
    """Queue the sending task; False (logged) when the broker cannot be reached: the queued
    deliveries wait for `authority_messages_requeue`."""
    from reminders.tasks import authority_message_deliver_task

    try:
        authority_message_deliver_task.delay(message_id)
    except Exception:  # noqa: BLE001 — the broker being down must not fail the request
        logger.warning("could not queue the sending of message %s", message_id, exc_info=True)
        return False
    return True


# A message whose deliveries are still queued this long after it was written is queued again.
REQUEUE_AFTER = dt.timedelta(minutes=10)


def authority_messages_requeue(*, now: dt.datetime) -> int:
    """Queue again every message with deliveries still waiting (its first send was lost or
    the broker was down); returns how many. Sending stays once per delivery (see the task)."""
    ids = list(
        AuthorityMessage.objects.filter(
            created_at__lte=now - REQUEUE_AFTER, deliveries__status=DeliveryStatus.QUEUED
        )
        .values_list("pk", flat=True)
        .distinct()
    )
    for message_id in ids:
        if not authority_message_enqueue(message_id):
            break
    return len(ids)


def authority_message_deliver(*, message_id: int) -> int:
    """The worker's part: send every still-queued delivery of the message, one school at a
    time, each claimed under a row lock (a parallel or retried run skips it) and recorded as
    sent, failed or without recipient. Returns how many e-mails went out."""
    message = AuthorityMessage.objects.select_related("authority").filter(pk=message_id).first()
    if message is None:
        return 0
    sent = 0
    queued = message.deliveries.filter(status=DeliveryStatus.QUEUED).values_list("pk", flat=True)
    for delivery_id in list(queued):
        with transaction.atomic():
            delivery = (
                AuthorityMessageDelivery.objects.select_for_update(skip_locked=True)
                .select_related("school")
                .filter(pk=delivery_id, status=DeliveryStatus.QUEUED)
                .first()
            )
            if delivery is None:
                continue  # another run has it, or it went out already
            sent += _deliver(message, delivery)
    return sent


def _deliver(message: AuthorityMessage, delivery: AuthorityMessageDelivery) -> int:
    """Send one school's copy and record the outcome on `delivery`; 1 when an e-mail went."""
    school = delivery.school
    try:
        with transaction.atomic():  # a savepoint: a school whose schema fails stays alone
            recipients = school_recipients(school)
    except DatabaseError as exc:
        logger.exception("recipients of %s could not be read", school.code)
        _record(delivery, DeliveryStatus.FAILED, error=str(exc)[:2000])
        return 0
    if not recipients:
        _record(delivery, DeliveryStatus.NO_RECIPIENT)
        return 0
    host = school_primary_host(school)
    lines = [
        _("Kính gửi Ban giám hiệu và cán bộ phụ trách website %(school)s,")
        % {"school": school.name},
        "",
        message.body,
        "",
    ]
    if host:
        lines.append(
            _("Trang quản trị website của trường: %(url)s") % {"url": site_url(host, "/admin/")}
        )
    lines.append(message.authority.name)
    try:
        EmailMessage(
            subject=f"[{message.authority.name}] {message.subject}",
            body="\n".join(lines),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=recipients,
        ).send()
    except Exception as exc:  # noqa: BLE001 — one school's failure is logged, the rest go on
        logger.exception("message %s to %s failed", message.pk, school.code)
        _record(delivery, DeliveryStatus.FAILED, recipients=recipients, error=str(exc)[:2000])
        return 0
    _record(delivery, DeliveryStatus.SENT, recipients=recipients)
    return 1


def _record(delivery, status: str, *, recipients=(), error: str = "") -> None:
    delivery.status, delivery.recipients, delivery.error = status, list(recipients), error
    delivery.save(update_fields=["status", "recipients", "error"])
