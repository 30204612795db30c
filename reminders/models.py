"""The reminders sent to schools and authorities, and who wants which.

Reminder logs are unique per (school, obligation, kind): claiming the row is what makes a re-run
never send the same reminder twice.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from tenants.models import Authority, School


class ReminderPreference(models.Model):
    """Which messages one address wants, keyed by (schema, e-mail) since school users live in
    their school's schema; authority users use the schema name "public". No row: everything."""

    schema_name = models.CharField(max_length=63)
    email = models.EmailField()
    before_due = models.BooleanField(_("nhắc trước hạn"), default=True)
    when_late = models.BooleanField(_("báo khi trễ hạn"), default=True)
    weekly_digest = models.BooleanField(_("bản tin tuần"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["schema_name", "email"], name="one_reminder_preference_per_address"
            )
        ]

    def __str__(self):
        return f"{self.schema_name}/{self.email}"


class DeliveryStatus(models.TextChoices):
    QUEUED = "queued", _("chờ gửi")
    SENT = "sent", _("đã gửi")
    NO_RECIPIENT = "no_recipient", _("không có người nhận")
    FAILED = "failed", _("gửi lỗi")


class ReminderLog(models.Model):
    """One reminder about one obligation of one school (claimed before it is sent)."""

    class Kind(models.TextChoices):
        BEFORE_DUE = "before_due", _("nhắc trước hạn")
        LATE = "late", _("báo trễ hạn")

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="reminder_logs")
    ruleset = models.CharField(max_length=64)
    rule = models.CharField(max_length=64)
    period_key = models.CharField(max_length=96)
    item = models.CharField(max_length=96, blank=True, default="")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    due_at = models.DateTimeField(null=True)
    status = models.CharField(
        max_length=16, choices=DeliveryStatus.choices, default=DeliveryStatus.QUEUED
    )
    recipients = models.JSONField(default=list)
    attempts = models.PositiveSmallIntegerField(default=0)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["school", "ruleset", "rule", "period_key", "item", "kind"],
                name="one_reminder_per_obligation_and_kind",
            )
        ]
        indexes = [models.Index(fields=["status", "school"])]

    def __str__(self):
        return f"{self.school_id} {self.rule} {self.period_key} {self.kind}: {self.status}"


class DigestLog(models.Model):
    """The weekly digest of one authority for one ISO week (sent once)."""

    authority = models.ForeignKey(Authority, on_delete=models.CASCADE, related_name="digests")
    week = models.CharField(max_length=8, help_text="ISO week, e.g. 2026-W48")
    status = models.CharField(
        max_length=16, choices=DeliveryStatus.choices, default=DeliveryStatus.QUEUED
    )
    recipients = models.JSONField(default=list)
    attempts = models.PositiveSmallIntegerField(default=0)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["authority", "week"], name="one_digest_per_week")
        ]

    def __str__(self):
        return f"{self.authority_id} {self.week}: {self.status}"


class AuthorityMessage(models.Model):
    """A message an authority's admin sent now, from /quan-ly/nhac-nho/, to some schools."""

    authority = models.ForeignKey(Authority, on_delete=models.CASCADE, related_name="messages")
    sender = models.CharField(_("người gửi"), max_length=254)
    subject = models.CharField(_("tiêu đề"), max_length=200)
    body = models.TextField(_("nội dung"))
    audience = models.CharField(_("gửi đến"), max_length=255)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.authority_id}: {self.subject}"


class AuthorityMessageDelivery(models.Model):
    """One school's copy of an AuthorityMessage: to whom it went and whether it did."""

    message = models.ForeignKey(
        AuthorityMessage, on_delete=models.CASCADE, related_name="deliveries"
    )
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    recipients = models.JSONField(default=list)
    status = models.CharField(max_length=16, choices=DeliveryStatus.choices)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["message", "school__name"]

    def __str__(self):
        return f"{self.message_id} → {self.school_id}: {self.status}"
