"""The feedback form under load: rate limits per client and per school, e-mails in batches.

Issue 11: 300 posts in 24 s were all stored and all e-mailed, one e-mail per post, sent while
the parent's request waited. Now:

- **Rate limits** (`feedback_rate_refusal`): at most `FEEDBACK_RATE_PER_CLIENT` posts per
  client address and `FEEDBACK_RATE_PER_SCHOOL` posts per school, each a (count, seconds)
  window counted in the cache (Redis; django-tenants prefixes every key with the
  school's schema, so the counts are per school). A refused post is stored nowhere and gets
  the form back with a Vietnamese message (HTTP 429). The client address comes from
  `tenants.login_throttle.client_ip` (nginx's X-Real-IP from trusted proxies only). If the
  cache cannot be reached the post is let through (and logged): a parent's question counts
  more than a flood that the school's own limits would have stopped.
- **Batches** (`feedback_digest_schedule`, `feedback_digest_send`): a stored submission
  schedules, after the commit, one Celery task per form and window (`FEEDBACK_DIGEST_SECONDS`,
  default 5 minutes); that task sends one e-mail with every submission received since the
  window opened. Nothing is sent on the request path.
"""

import datetime as dt
import logging

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.mail import send_mail

from tenants.login_throttle import client_ip

logger = logging.getLogger(__name__)
DEFAULT_RATE_PER_CLIENT = (5, 600)  # posts, seconds
DEFAULT_RATE_PER_SCHOOL = (100, 3600)
DEFAULT_DIGEST_SECONDS = 300


def rate_window_count(key: str, seconds: int) -> int:
    """Posts counted under `key` in its window (this one included). The first post opens a
    window of `seconds` (the key's lifetime; INCR keeps it), so no clock boundary resets a
    flood's count halfway. Also counts the e-mail subscription requests
    (`sitepages.subscriptions.services`). Raises the cache's error when it is unreachable."""
    full_key = f"feedback-rate:{key}"
    cache.add(full_key, 0, timeout=seconds)
    return cache.incr(full_key)


def feedback_rate_refusal(request) -> str | None:
    """Count this post; the Vietnamese reason it is refused, or None when it may go on."""
    per_client, client_seconds = getattr(
        settings, "FEEDBACK_RATE_PER_CLIENT", DEFAULT_RATE_PER_CLIENT
    )
    per_school, school_seconds = getattr(
        settings, "FEEDBACK_RATE_PER_SCHOOL", DEFAULT_RATE_PER_SCHOOL
    )
    try:
        if rate_window_count(f"client:{client_ip(request)}", client_seconds) > per_client:
            return _(
                "Bạn đã gửi %(count)s góp ý trong %(minutes)s phút, nhiều hơn mức cho phép. "
                "Vui lòng đợi %(minutes)s phút rồi gửi lại; nhà trường đã nhận các góp ý trước."
            ) % {"count": per_client, "minutes": client_seconds // 60}
        if rate_window_count("school", school_seconds) > per_school:
            return _(
                "Trường đang nhận quá nhiều góp ý cùng lúc. Vui lòng gửi lại sau ít phút, hoặc "
                "liên hệ trường qua số điện thoại trên trang Liên hệ."
            )
    except Exception:  # the cache is down: let the parent through, and say so in the log
        logger.warning("feedback rate limit not checked: cache unavailable", exc_info=True)
    return None


def _digest_flag(page_id: int) -> str:
    return f"feedback-digest:{page_id}"


def feedback_digest_schedule(*, page_id: int, received_at: dt.datetime) -> None:
    """After the commit, queue this form's batch unless one is already waiting."""
    delay = getattr(settings, "FEEDBACK_DIGEST_SECONDS", DEFAULT_DIGEST_SECONDS)
    schema_name = connection.schema_name

    def queue():
        from sitepages.tasks import send_feedback_digest

        try:
            if cache.add(_digest_flag(page_id), received_at.isoformat(), timeout=delay + 600):
                send_feedback_digest.apply_async(
                    args=(schema_name, page_id, received_at.isoformat()), countdown=delay
                )
        except Exception:  # the submission is stored and listed in the admin; never a 500
            logger.warning("feedback digest of page %s not queued", page_id, exc_info=True)

    transaction.on_commit(queue)


def feedback_digest_send(*, page_id: int, since: dt.datetime) -> int:
    """E-mail the school every submission to form `page_id` since `since`, in one message.

    Runs in the school's schema (the task steps in). Returns the number of submissions sent
    (0: nothing new, or no address to send to). The waiting flag is cleared first, so a post
    arriving meanwhile queues the next batch rather than being lost.
    """
    from sitepages.models import FeedbackFormPage

    cache.delete(_digest_flag(page_id))
    page = FeedbackFormPage.objects.filter(pk=page_id).first()
    if page is None:
        return 0
    submissions = list(
        page.get_submission_class()
        .objects.filter(page=page, submit_time__gte=since)
        .order_by("submit_time", "pk")
    )
    addresses = page.notification_addresses()
    if not submissions or not addresses:
        return 0
    labels = {field.clean_name: field.label for field in page.get_form_fields()}
    parts = []
    for number, submission in enumerate(submissions, start=1):
        moment = timezone.localtime(submission.submit_time).strftime("%d/%m/%Y %H:%M")
        lines = [f"{number}. {moment}"]
        for name, value in submission.get_data().items():
            if name in labels:
                lines.append(f"   {labels[name]}: {value}")
        parts.append("\n".join(lines))
    subject = page.subject or _("Góp ý mới từ website của trường")
    send_mail(
        f"{subject} ({len(submissions)})",
        "\n\n".join(parts),
        addresses,
        page.from_address,
    )
    return len(submissions)
