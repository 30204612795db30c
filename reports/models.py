"""The monthly list an authority publishes on the 1st: frozen when generated, so what parents
and the press read does not move when results are re-evaluated later.

One report per (authority, month), enforced by the database; each (re)generation leaves a
`MonthlyReportGeneration` row saying when, by whom and why.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from tenants.models import Authority, School


class MonthlyReport(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Bản nháp")
        PUBLISHED = "published", _("Đã công bố")

    authority = models.ForeignKey(
        Authority, on_delete=models.CASCADE, related_name="monthly_reports"
    )
    month = models.CharField(_("tháng"), max_length=7, help_text="YYYY-MM")
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    generated_at = models.DateTimeField(_("tạo lúc"))
    # The oldest evaluation behind the entries: the report is as good as that.
    evaluated_as_of = models.DateTimeField(null=True)
    published_at = models.DateTimeField(_("công bố lúc"), null=True, blank=True)
    published_by = models.CharField(max_length=150, blank=True)
    cover_note = models.TextField(_("lời dẫn"), blank=True)
    signed_by = models.CharField(_("người ký"), max_length=255, blank=True)
    # The report as an administrative document (Decree 30/2020/NĐ-CP), filled before publishing
    # and frozen with it: "Số: 12/TB-PGDĐT", "Phong Điền, ngày 01 tháng 12 năm 2026", the signer.
    doc_number = models.CharField(_("số văn bản"), max_length=16, blank=True)
    doc_symbol = models.CharField(_("ký hiệu văn bản"), max_length=64, blank=True)
    doc_place = models.CharField(_("địa danh"), max_length=100, blank=True)
    doc_date = models.DateField(_("ngày ban hành"), null=True, blank=True)
    issuer_parent = models.CharField(_("cơ quan chủ quản"), max_length=255, blank=True)
    # The issuing body's line under it ("PHÒNG VĂN HÓA - XÃ HỘI"); "" = the default for the
    # authority's kind (reports/letterhead.py).
    issuer = models.CharField(_("cơ quan ban hành"), max_length=255, blank=True)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=255, blank=True)
    signer_name = models.CharField(_("họ tên người ký"), max_length=150, blank=True)
    recipients = models.TextField(_("nơi nhận"), blank=True)

    class Meta:
        verbose_name = _("báo cáo tháng")
        verbose_name_plural = _("báo cáo tháng")
        ordering = ["-month", "authority"]
        constraints = [
            models.UniqueConstraint(
                fields=["authority", "month"], name="one_monthly_report_per_authority"
            )
        ]

    def __str__(self):
        return f"{self.authority_id} {self.month} ({self.status})"

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class ReportDocumentDefaults(models.Model):
    """What an authority's monthly documents share month after month: the symbol after the
    number (e.g. `TB-PGDĐT`), the place in the date line, the parent body on the header, the
    usual signer and "Nơi nhận". Updated whenever an admin fills a report's document, so the
    next month's form starts from them."""

    authority = models.OneToOneField(
        Authority, on_delete=models.CASCADE, related_name="report_document_defaults"
    )
    doc_symbol = models.CharField(max_length=64, blank=True)
    doc_place = models.CharField(max_length=100, blank=True)
    issuer_parent = models.CharField(max_length=255, blank=True)
    issuer = models.CharField(max_length=255, blank=True)
    signer_title = models.CharField(max_length=255, blank=True)
    signer_name = models.CharField(max_length=150, blank=True)
    recipients = models.TextField(blank=True)

    def __str__(self):
        return f"{self.authority_id}: {self.doc_symbol}"


class MonthlyReportEntry(models.Model):
    """One school in a report, with what it missed and what came late (frozen copies)."""

    report = models.ForeignKey(MonthlyReport, on_delete=models.CASCADE, related_name="entries")
    school = models.ForeignKey(
        School, on_delete=models.SET_NULL, null=True, related_name="report_entries"
    )
    school_code = models.CharField(max_length=63)
    school_name = models.CharField(max_length=255)
    authority_name = models.CharField(max_length=255)
    levels = models.JSONField(default=list)
    website = models.CharField(max_length=300, blank=True)
    category = models.CharField(max_length=32)
    on_time = models.PositiveIntegerField(default=0)
    late = models.PositiveIntegerField(default=0)
    missing = models.PositiveIntegerField(default=0)
    score = models.FloatField(null=True)
    # [{"ruleset", "rule", "title", "period_key", "item", "due_at"}]
    missing_items = models.JSONField(default=list)
    # the same plus "satisfied_at" and "late_by_seconds"
    late_items = models.JSONField(default=list)

    class Meta:
        ordering = ["school_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "school_code"], name="one_entry_per_school_and_report"
            )
        ]

    def __str__(self):
        return f"{self.school_code}: {self.category}"


class MonthlyReportGeneration(models.Model):
    """The history of a report: the first generation and every regeneration, with its reason."""

    report = models.ForeignKey(MonthlyReport, on_delete=models.CASCADE, related_name="generations")
    number = models.PositiveIntegerField()
    generated_at = models.DateTimeField()
    reason = models.TextField(blank=True)
    requested_by = models.CharField(max_length=150, blank=True)
    counts = models.JSONField(default=dict)

    class Meta:
        ordering = ["report", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "number"], name="one_generation_number_per_report"
            )
        ]

    def __str__(self):
        return f"{self.report_id} #{self.number}"
