"""Parents who follow the school by e-mail, and what each of them was sent.

Rows live in the school's own schema (sitepages is a tenant app), so one school can never read
another's subscribers. A row exists only once its owner confirmed the address (double opt-in:
the request itself stores nothing, its token carries the address and topics); unsubscribing
deletes the row and, with it, its deliveries. See `sitepages/subscriptions/`.
"""

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.translation import gettext_lazy as _


class SubscriptionTopic(models.TextChoices):
    URGENT = "urgent", _("Thông báo khẩn")
    WEEKLY_PLAN = "weekly-plan", _("Kế hoạch tuần")


class Subscriber(models.Model):
    """A confirmed address and the topics it follows (at least one)."""

    email = models.EmailField(_("thư điện tử"), unique=True)  # stored lower-case
    topics = ArrayField(
        models.CharField(max_length=16, choices=SubscriptionTopic.choices),
        verbose_name=_("nhận tin"),
    )
    confirmed_at = models.DateTimeField(_("xác nhận lúc"))

    class Meta:
        verbose_name = _("người nhận tin qua thư điện tử")
        verbose_name_plural = _("người nhận tin qua thư điện tử")
        ordering = ["pk"]

    def __str__(self):
        return self.email


class SubscriptionDelivery(models.Model):
    """One page sent to one subscriber: the row that makes a retried send skip them.

    `refused` records an address the mail server refused for good (the page is not retried
    for it)."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    sent_at = models.DateTimeField(_("gửi lúc"))
    refused = models.BooleanField(_("máy chủ thư từ chối"), default=False)

    class Meta:
        verbose_name = _("thư đã gửi cho người nhận tin")
        verbose_name_plural = _("thư đã gửi cho người nhận tin")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "subscriber"], name="sitepages_delivery_once_per_page"
            )
        ]

    def __str__(self):
        return f"trang {self.page_id} → {self.subscriber_id}"
