"""Công khai: the public-disclosure items of Circular 09/2024, one tree per school year.

DisclosureIndexPage → DisclosureYearPage (school year) → DisclosurePage (one catalogue item).
`sitepages.services.disclosure.disclosure_year_create` builds a year's tree in one click.
"""

import datetime as dt

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from sitepages import calendar
from sitepages.disclosure_items import ITEM_CHOICES, item_by_code
from sitepages.evidence import EvidenceSpec
from sitepages.models.base import (
    ChildListingPage,
    PeriodPage,
    SchoolPage,
    SchoolYearPeriodPage,
    attachments_field,
    school_year_field,
)


class DisclosureIndexPage(ChildListingPage):
    """The disclosure section; one child per school year."""

    intro = RichTextField("Giới thiệu", blank=True)

    listing_order = ("-disclosureyearpage__school_year_start", "path")
    content_panels = SchoolPage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["sitepages.HomePage"]
    subpage_types = ["sitepages.DisclosureYearPage"]
    max_count = 1

    class Meta:
        verbose_name = "Mục công khai"
        verbose_name_plural = "Mục công khai"


class DisclosureYearPage(SchoolYearPeriodPage, ChildListingPage):
    """All disclosure items of one school year (due before 30/06 every year, Art. 15)."""

    intro = RichTextField("Giới thiệu", blank=True)

    listing_order = ("path",)  # catalogue order: the tree is built in that order
    listing_per_page = 100
    # The admin lists the drafts in the circular's order too (Wagtail's default is newest first).
    admin_default_ordering = "ord"
    content_panels = SchoolPage.content_panels + [
        FieldPanel("school_year_start"),
        FieldPanel("intro"),
    ]
    parent_page_types = ["sitepages.DisclosureIndexPage"]
    subpage_types = ["sitepages.DisclosurePage"]

    class Meta:
        verbose_name = "Công khai năm học"
        verbose_name_plural = "Công khai năm học"


class DisclosurePageForm(WagtailAdminPageForm):
    """Fills the school year from the parent year page, and refuses a different one."""

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        self._year = _parent_year(parent_page)
        if self._year and not self.instance.school_year_start:
            self.initial["school_year_start"] = self._year

    def clean(self):
        cleaned = super().clean()
        year = cleaned.get("school_year_start")
        if self._year and year and year != self._year:
            self.add_error(
                "school_year_start",
                f"Trang này nằm trong mục {calendar.school_year_label(self._year).lower()}: "
                f"năm học phải là {self._year}.",
            )
        return cleaned


def _parent_year(parent_page) -> int | None:
    if parent_page is None:
        return None
    parent = parent_page.specific
    if isinstance(parent, DisclosureYearPage):
        return parent.school_year_start
    return None


class DisclosurePage(PeriodPage):
    """One disclosure item (by catalogue code) for one school year."""

    compliance_evidence = EvidenceSpec(
        rules=(
            "disclosure-annual",
            "disclosure-update",
            "annual-report",
            "disclosure-retention",
            "disclosure",
        ),
        period=("school_year_start", "item"),
        attrs=("changed_at",),
        measures={"words": ("body",), "files": ("attachments",)},
    )

    item = models.CharField(
        "Nội dung công khai", max_length=16, choices=ITEM_CHOICES, db_index=True
    )
    school_year_start = school_year_field()
    changed_at = models.DateTimeField(
        "Thời điểm nội dung thay đổi",
        null=True,
        blank=True,
        help_text="Khi sửa nội dung đã công khai vì có thay đổi: ghi lúc thay đổi xảy ra "
        "(phải công khai trong 10 ngày làm việc).",
    )
    body = RichTextField("Nội dung", blank=True)
    attachments = attachments_field()

    period_fields = ("item", "school_year_start")
    base_form_class = DisclosurePageForm
    content_panels = SchoolPage.content_panels + [
        FieldRowPanel([FieldPanel("item"), FieldPanel("school_year_start")]),
        FieldPanel("changed_at"),
        FieldPanel("body"),
        FieldPanel("attachments"),
    ]
    search_fields = SchoolPage.search_fields + [index.SearchField("body")]
    parent_page_types = ["sitepages.DisclosureYearPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Nội dung công khai"
        verbose_name_plural = "Nội dung công khai"

    @property
    def catalogue_item(self):
        return item_by_code(self.item)

    @property
    def period_label(self) -> str:
        if not self.school_year_start:
            return ""
        item = self.catalogue_item
        code = f"mục {item.code} " if item else ""
        return f"{code}{calendar.school_year_label(self.school_year_start).lower()}"

    def period_errors(self):
        errors = {}
        if self.changed_at and self.changed_at > timezone.now() + dt.timedelta(minutes=10):
            errors["changed_at"] = gettext("Thời điểm thay đổi không được ở tương lai.")
        if not self.path or not self.school_year_start:
            return errors
        year = _parent_year(self.get_parent())
        if year and year != self.school_year_start:
            errors["school_year_start"] = gettext(
                "Năm học phải là %(year)s, như mục năm học chứa trang này."
            ) % {"year": year}
        return errors
