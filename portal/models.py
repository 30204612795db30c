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
