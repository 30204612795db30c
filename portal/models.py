"""Who may use an authority's portal.

Authority users live in the public schema's auth tables (a school's staff live in its own
schema and so can never log in to a portal).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tenants.models import Authority


class AuthorityMembership(models.Model):
    """A user's place in an authority: admins change things, inspectors only look.

    A membership covers the authority and every body under it (a province's user sees every
    district's schools, and may log in on their portals too).
    """

    class Role(models.TextChoices):
        ADMIN = "admin", _("Quản trị")
        INSPECTOR = "inspector", _("Thanh tra (chỉ xem)")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="authority_memberships"
    )
    authority = models.ForeignKey(Authority, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("vai trò"), max_length=16, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("thành viên cơ quan quản lý")
        verbose_name_plural = _("thành viên cơ quan quản lý")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "authority"], name="one_membership_per_authority"
            )
        ]

    def __str__(self):
        return f"{self.user_id} @ {self.authority_id}: {self.role}"


class AuditEntry(models.Model):
    """One change made on the portal's workplace (/quan-ly/): who, when, what, before/after.

    Written by the portal's services in the same transaction as the change they record."""

    class Action(models.TextChoices):
        SCHOOL_CREATE = "school_create", _("Tạo trường")
        SCHOOL_SUSPEND = "school_suspend", _("Tạm ngừng trường")
        SCHOOL_RESUME = "school_resume", _("Mở lại trường")
        INVITATION_SEND = "invitation_send", _("Gửi lời mời hiệu trưởng")
        PRINCIPAL_CHANGE = "principal_change", _("Đổi hiệu trưởng")
        DOMAIN_ADD = "domain_add", _("Thêm tên miền")
        SCHOOLS_IMPORT = "schools_import", _("Nhập danh sách trường")
        USER_INVITE = "user_invite", _("Mời người dùng")
        USER_ROLE = "user_role", _("Đổi vai trò")
        USER_DEACTIVATE = "user_deactivate", _("Khóa tài khoản")
        REPORT_DOCUMENT = "report_document", _("Điền số, người ký báo cáo")
        CALENDAR_SET = "calendar_set", _("Đặt lịch năm học")
        MESSAGE_SEND = "message_send", _("Gửi nhắc nhở")

    authority = models.ForeignKey(Authority, on_delete=models.CASCADE, related_name="audit")
    actor = models.CharField(_("người thực hiện"), max_length=254)
    action = models.CharField(_("thao tác"), max_length=32, choices=Action.choices)
    target = models.CharField(_("đối tượng"), max_length=255, blank=True)
    reason = models.TextField(_("lý do"), blank=True)
    before = models.JSONField(default=dict, blank=True)
    after = models.JSONField(default=dict, blank=True)
    at = models.DateTimeField(_("lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("nhật ký thao tác")
        verbose_name_plural = _("nhật ký thao tác")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["authority", "-at"])]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor}: {self.action} {self.target}"


class SchoolImportJob(models.Model):
    """An uploaded school list on its way through preview → confirm → the worker → result.

    The file's bytes are kept so the worker re-reads exactly what the preview showed; the
    preview and the result are `ImportPreview.as_dict()` shapes (tenants/services/bulk_import)."""

    class Status(models.TextChoices):
        PREVIEW = "preview", _("Chờ xác nhận")
        QUEUED = "queued", _("Đang chờ chạy")
        RUNNING = "running", _("Đang tạo")
        DONE = "done", _("Xong")
        FAILED = "failed", _("Lỗi")

    authority = models.ForeignKey(Authority, on_delete=models.CASCADE, related_name="+")
    created_by = models.CharField(max_length=254)
    filename = models.CharField(max_length=255)
    data = models.BinaryField()
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PREVIEW)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    preview = models.JSONField(default=dict)
    result = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.authority_id} {self.filename} ({self.status})"


class SchoolImportChunk(models.Model):
    """A slice of a confirmed import's "will create" rows (PORTAL_IMPORT_CHUNK_SIZE of them),
    run by one Celery task so that no task nears the time limit. Each row's outcome is stored
    as soon as it is known, so a redelivered or retried chunk skips what it already did; the
    chunk is claimed (`claimed_at`) so two deliveries never run it side by side."""

    class State(models.TextChoices):
        QUEUED = "queued", _("Đang chờ")
        RUNNING = "running", _("Đang tạo")
        DONE = "done", _("Xong")

    job = models.ForeignKey(SchoolImportJob, on_delete=models.CASCADE, related_name="chunks")
    index = models.PositiveIntegerField()
    # ImportRow.as_dict() shapes; a row's "outcome" is "create" until it has run, and a run row
    # carries "url", "admin_url" and "invitation" too (portal/services/imports.py).
    rows = models.JSONField(default=list)
    state = models.CharField(max_length=16, choices=State.choices, default=State.QUEUED)
    claimed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["job", "index"]
        constraints = [models.UniqueConstraint(fields=["job", "index"], name="one_chunk_per_index")]

    def __str__(self):
        return f"{self.job_id}#{self.index} ({self.state})"


class PendingRuleChange(models.Model):
    """A rule-parameter change an admin scheduled for a later date (Asia/Ho_Chi_Minh). The
    nightly `portal.rule_changes_apply` task makes it through compliance's
    `rule_parameters_set` (which records the audited change) on that day."""

    authority = models.ForeignKey(Authority, on_delete=models.CASCADE, related_name="+")
    ruleset_id = models.CharField(max_length=64)
    rule_id = models.CharField(max_length=64)
    params = models.JSONField(default=dict)
    effective_from = models.DateField(_("áp dụng từ"))
    requested_by = models.CharField(max_length=254)
    requested_at = models.DateTimeField(auto_now_add=True)
    applied_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["effective_from", "pk"]

    def __str__(self):
        return f"{self.ruleset_id}/{self.rule_id} from {self.effective_from}"
