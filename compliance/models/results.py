"""What the public schema keeps about compliance: which rule sets an authority applies, its
school calendar and parameter overrides (with their history), and every school's stored
results, so dashboards and reports read one table instead of every school's schema."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from compliance.engine.obligations import Status
from tenants.models import Authority, School


class ObligationStatus(models.TextChoices):
    """The status of one obligation: the engine's `Status` values with the words people read.

    The one vocabulary for the engine's output, the stored rows, the portal, reports, reminders
    and the API (a test checks it has exactly the engine's values).
    """

    ON_TIME = Status.ON_TIME.value, _("đúng hạn")
    LATE = Status.LATE.value, _("trễ hạn")
    MISSING = Status.MISSING.value, _("thiếu")
    PENDING = Status.PENDING.value, _("chưa đến hạn")
    NOT_APPLICABLE = Status.NOT_APPLICABLE.value, _("không áp dụng")

    @classmethod
    def decided(cls) -> tuple[str, ...]:
        """Statuses whose deadline has passed: what scores and reports count."""
        return (cls.ON_TIME, cls.LATE, cls.MISSING)

    @classmethod
    def problems(cls) -> tuple[str, ...]:
        return (cls.LATE, cls.MISSING)


class RulesetAssignment(models.Model):
    """An authority applies a rule set from a date (inclusive) until another (exclusive).

    An authority without any assignment inherits its parent's (a province's choice is the
    default for the bodies under it).
    """

    authority = models.ForeignKey(Authority, on_delete=models.CASCADE, related_name="rulesets")
    ruleset_id = models.CharField(_("bộ quy tắc"), max_length=64)
    effective_from = models.DateField(_("áp dụng từ"))
    effective_to = models.DateField(_("đến trước ngày"), null=True, blank=True)

    class Meta:
        ordering = ["authority", "ruleset_id", "effective_from"]

    def __str__(self):
        return f"{self.authority.code}: {self.ruleset_id} from {self.effective_from}"


class RuleParameterOverride(models.Model):
    """An authority's own value for a rule's parameters (e.g. its timetable dates)."""

    authority = models.ForeignKey(Authority, on_delete=models.CASCADE, related_name="overrides")
    ruleset_id = models.CharField(max_length=64)
    rule_id = models.CharField(max_length=64)
    params = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["authority", "ruleset_id", "rule_id"], name="one_override_per_rule"
            )
        ]

    def __str__(self):
        return f"{self.authority_id}: {self.ruleset_id}/{self.rule_id}"


class RuleParameterChange(models.Model):
    """The audit trail of overrides: who changed what, when, from what to what."""

    authority = models.ForeignKey(Authority, on_delete=models.CASCADE, related_name="+")
    ruleset_id = models.CharField(max_length=64)
    rule_id = models.CharField(max_length=64)
    before = models.JSONField(default=dict)
    after = models.JSONField(default=dict)
    changed_by = models.CharField(max_length=150)
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-changed_at"]

    def __str__(self):
        return f"{self.ruleset_id}/{self.rule_id} by {self.changed_by} at {self.changed_at}"


class CalendarYear(models.Model):
    """An authority's school calendar for one school year (a province's is inherited)."""

    authority = models.ForeignKey(Authority, on_delete=models.CASCADE, related_name="calendars")
    school_year_start = models.PositiveIntegerField(_("năm học bắt đầu"))
    semester1_start = models.DateField(_("ngày đầu học kỳ I"))
    semester1_end = models.DateField(_("ngày cuối học kỳ I"))
    semester2_start = models.DateField(_("ngày đầu học kỳ II"))
    semester2_end = models.DateField(_("ngày cuối học kỳ II"))
    # [{"monday": "2027-02-01", "label": "tet"}, …]
    breaks = models.JSONField(_("tuần nghỉ"), default=list, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["authority", "school_year_start"], name="one_calendar_per_year"
            )
        ]

    def __str__(self):
        return f"{self.authority_id}: {self.school_year_start}-{self.school_year_start + 1}"


class ObligationResult(models.Model):
    """One obligation of one school as last evaluated (replaced on every evaluation)."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="obligations")
    ruleset = models.CharField(max_length=64)
    rule = models.CharField(max_length=64)
    period_key = models.CharField(max_length=96)
    item = models.CharField(max_length=96, blank=True, default="")
    kind = models.CharField(max_length=32)
    month = models.CharField(max_length=7, help_text="YYYY-MM the obligation is filed under")
    due_at = models.DateTimeField(null=True)
    status = models.CharField(max_length=16, choices=ObligationStatus.choices)
    satisfied_at = models.DateTimeField(null=True)
    late_by = models.DurationField(null=True)
    evidence = models.JSONField(default=list)
    reason = models.TextField(blank=True)
    weight = models.FloatField(default=1.0)
    # Obligation.flags: what the authority should look at beyond the status (e.g. an urgent
    # notice's received_at claimed long before the page existed: "anchor_backdated").
    flags = models.JSONField(default=dict, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["school", "ruleset", "rule", "period_key", "item"],
                name="one_result_per_obligation",
            )
        ]
        indexes = [
            models.Index(fields=["school", "month"]),
            models.Index(fields=["month", "status"]),
        ]

    def __str__(self):
        return f"{self.school_id} {self.ruleset}/{self.rule} {self.period_key}: {self.status}"


class SchoolEvaluation(models.Model):
    """The latest evaluation of a school: when, as of when, and its headline figures."""

    school = models.OneToOneField(School, on_delete=models.CASCADE, related_name="evaluation")
    as_of = models.DateTimeField()
    evaluated_at = models.DateTimeField()
    duration_ms = models.PositiveIntegerField(default=0)
    summary = models.JSONField(default=dict)
    month_category = models.CharField(max_length=32, blank=True)
    last_published_at = models.DateTimeField(null=True)
    next_due_at = models.DateTimeField(null=True)

    def __str__(self):
        return f"{self.school_id} as of {self.as_of}"


class WeekTally(models.Model):
    """A school's decided obligations of one (month, week), added up: what the dashboard reads.

    Written with the school's results (compliance.services.tallies, called by every
    evaluation), so the province dashboard adds up ~15 small rows a school instead of every
    stored result of the school year (576,000 rows at 3,000 schools: 1.3 s a view, issue 15).
    `week` is the Monday (local) of the obligations' deadline, None when it has none; a week
    that spans two months has one row in each. `met`/`due` are weights (compliance.score).
    """

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="week_tallies")
    month = models.CharField(max_length=7, help_text="YYYY-MM the obligations are filed under")
    week = models.DateField(null=True)
    met = models.FloatField(default=0.0)
    due = models.FloatField(default=0.0)
    late = models.PositiveIntegerField(default=0)
    missing = models.PositiveIntegerField(default=0)
    flagged = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["school", "month", "week"],
                name="one_tally_per_school_week",
                nulls_distinct=False,
            )
        ]

    def __str__(self):
        return f"{self.school_id} {self.month} {self.week}: {self.met}/{self.due}"
