"""Who is hosted: authorities (the overseeing bodies), schools (the tenants) and their hosts."""

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_tenants.models import DomainMixin, TenantMixin

# A host in stored form: lower-case ASCII labels (IDNA A-labels for Unicode names) joined by
# dots, at least two labels, no trailing dot. tenants/hosts.py makes it; a CHECK keeps it.
STORED_HOST = r"^[a-z0-9-]{1,63}(\.[a-z0-9-]{1,63})+$"


class Level(models.TextChoices):
    """School levels the education authorities regulate (a school may combine several)."""

    PRESCHOOL = "preschool", _("Mầm non")
    PRIMARY = "primary", _("Tiểu học")
    LOWER_SECONDARY = "lower_secondary", _("Trung học cơ sở")


class Authority(models.Model):
    """The body that oversees a group of schools.

    A district office in the 2015/2016 letters; since 1 July 2025 a commune, with the provincial
    department above it. A province is the parent of the bodies under it and its choices
    (rule sets, school calendar) are their defaults.
    """

    class Kind(models.TextChoices):
        PROVINCE = "province", _("Sở GD&ĐT (tỉnh, thành phố)")
        DISTRICT = "district", _("Phòng GD&ĐT (quận, huyện)")
        COMMUNE = "commune", _("UBND xã, phường")

    code = models.SlugField(_("mã"), max_length=32, unique=True)
    name = models.CharField(_("tên"), max_length=255)
    kind = models.CharField(_("loại"), max_length=16, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("cơ quan cấp trên"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    portal_domain = models.CharField(
        _("tên miền cổng thông tin"), max_length=253, unique=True, null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("cơ quan quản lý")
        verbose_name_plural = _("cơ quan quản lý")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(portal_domain__isnull=True) | Q(portal_domain__regex=STORED_HOST),
                name="authority_portal_domain_stored_form",
            )
        ]

    def __str__(self):
        return self.name


class SchoolQuerySet(models.QuerySet):
    def real(self):
        """Schools people use: everything but the template schema's row."""
        return self.filter(is_template=False)

    def active(self):
        return self.filter(status=School.Status.ACTIVE)


class School(TenantMixin):
    """One school: a PostgreSQL schema holding its own Wagtail site, users and history."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Đang hoạt động")
        SUSPENDED = "suspended", _("Tạm ngừng")

    name = models.CharField(_("tên trường"), max_length=255)
    code = models.SlugField(_("mã trường"), max_length=63, unique=True)
    levels = ArrayField(
        models.CharField(max_length=16, choices=Level.choices), verbose_name=_("cấp học")
    )
    authority = models.ForeignKey(
        Authority,
        verbose_name=_("cơ quan quản lý"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="schools",
    )
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=Status.choices, default=Status.ACTIVE
    )
    serves_meals = models.BooleanField(_("có tổ chức bán trú"), default=False)
    principal_email = models.EmailField(_("e-mail hiệu trưởng"), blank=True)
    # The template every school is cloned from is a real row (without a domain) so that every
    # `migrate_schemas` migrates it; a stale template would silently corrupt new schools.
    is_template = models.BooleanField(default=False, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    # Schemas are made by tenants.services.provisioning (clone, not migrate) and never dropped
    # implicitly: deleting a school goes through school_delete, which keeps a dump first.
    auto_create_schema = False
    auto_drop_schema = False

    objects = SchoolQuerySet.as_manager()

    class Meta:
        verbose_name = _("trường")
        verbose_name_plural = _("trường")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(is_template=True) | models.Q(authority__isnull=False),
                name="school_has_authority_unless_template",
            )
        ]

    def __str__(self):
        return self.name

    @property
    def is_suspended(self) -> bool:
        return self.status == self.Status.SUSPENDED

    @property
    def levels_display(self) -> str:
        """The levels as people read them ("Mầm non, Tiểu học"), never the stored codes."""
        labels = dict(Level.choices)
        return ", ".join(str(labels.get(level, level)) for level in self.levels)


class Domain(DomainMixin):
    """A host name that serves one school's site (the primary one is used in links).

    Stored lower-case, ASCII (IDNA A-labels) and without a trailing dot (tenants/hosts.py), the
    form requests are matched in; the database refuses any other form.
    """

    class Meta:
        verbose_name = _("tên miền")
        verbose_name_plural = _("tên miền")
        constraints = [
            models.CheckConstraint(
                condition=Q(domain__regex=STORED_HOST), name="domain_stored_form"
            )
        ]


class PooledSchema(models.Model):
    """A schema cloned ahead of time from the template, waiting to become a school.

    `fingerprint` is the template's migration state and section-tree version when the clone was
    made; a pooled schema whose fingerprint no longer matches is dropped, never handed out.
    """

    schema_name = models.CharField(max_length=63, unique=True)
    fingerprint = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return self.schema_name


class TemplateSnapshot(models.Model):
    """The template schema's DDL, captured once per template fingerprint for fast copies.

    Written by `tenants.services.schema_copy` (pg_dump of the template, the schema's name
    replaced by a placeholder); a copy replays it instead of reading the catalogue, whose size
    grows with the number of schools. A new fingerprint replaces the old snapshot.
    """

    fingerprint = models.CharField(max_length=64, unique=True)
    pre_data = models.TextField()
    post_data = models.TextField()
    tables = models.JSONField()  # [[table, [insertable column, …]], …]
    sequences = models.JSONField()  # [sequence name, …]
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.fingerprint
