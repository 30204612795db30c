"""Kế hoạch: the annual, monthly and weekly plans (Phong Điền letter; TT 09/2024 Art. 15)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from sitepages.evidence import EvidenceSpec
from sitepages.models.base import (
    ChildListingPage,
    MonthPeriodPage,
    SchoolPage,
    SchoolYearPeriodPage,
    WeekPeriodPage,
    attachments_field,
)


class PlanIndexPage(ChildListingPage):
    """The plans section; its children are plans for a school year, a month or a week."""

    intro = RichTextField("Giới thiệu", blank=True)

    content_panels = SchoolPage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["sitepages.HomePage"]
    subpage_types = [
        "sitepages.AnnualPlanPage",
        "sitepages.MonthlyPlanPage",
        "sitepages.WeeklyPlanPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("Mục kế hoạch")
        verbose_name_plural = _("Mục kế hoạch")


class PlanBody(SchoolPage):
    """The plan itself: text and/or the signed files."""

    body = RichTextField(_("Nội dung kế hoạch"), blank=True)
    attachments = attachments_field()

    plan_panels = [FieldPanel("body"), FieldPanel("attachments")]
    search_fields = SchoolPage.search_fields + [index.SearchField("body")]
    parent_page_types = ["sitepages.PlanIndexPage"]
    subpage_types = []

    class Meta:
        abstract = True


class AnnualPlanPage(SchoolYearPeriodPage, PlanBody):
    """The plan for school year Y–Y+1 (due before 15/08/Y)."""

    compliance_evidence = EvidenceSpec(
        rules=("annual-plan",),
        period=("school_year_start",),
        measures={"words": ("body",), "files": ("attachments",)},
    )

    content_panels = (
        SchoolPage.content_panels
        + [MultiFieldPanel([FieldPanel("school_year_start")], heading=_("Năm học"))]
        + PlanBody.plan_panels
    )

    class Meta:
        verbose_name = _("Kế hoạch năm học")
        verbose_name_plural = _("Kế hoạch năm học")


class MonthlyPlanPage(MonthPeriodPage, PlanBody):
    """The plan for one month (due before its first day; preschools before the 25th)."""

    compliance_evidence = EvidenceSpec(
        rules=("monthly-plan", "mn-monthly-plan"),
        period=("month",),
        measures={"words": ("body",), "files": ("attachments",)},
    )

    content_panels = (
        SchoolPage.content_panels
        + [MultiFieldPanel([FieldPanel("month")], heading=_("Tháng"))]
        + PlanBody.plan_panels
    )

    class Meta:
        verbose_name = _("Kế hoạch tháng")
        verbose_name_plural = _("Kế hoạch tháng")


class WeeklyPlanPage(WeekPeriodPage, PlanBody):
    """The plan for one week (due Monday morning; preschools before Saturday before)."""

    compliance_evidence = EvidenceSpec(
        rules=("weekly-plan", "mn-weekly-plan"),
        period=("week_start",),
        measures={"words": ("body",), "files": ("attachments",)},
    )

    content_panels = (
        SchoolPage.content_panels
        + [MultiFieldPanel([FieldPanel("week_start")], heading=_("Tuần"))]
        + PlanBody.plan_panels
    )

    class Meta:
        verbose_name = _("Kế hoạch tuần")
        verbose_name_plural = _("Kế hoạch tuần")
