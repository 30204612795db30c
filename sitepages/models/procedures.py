"""Thủ tục hành chính: one page per administrative procedure."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from sitepages.evidence import EvidenceSpec
from sitepages.models.base import ChildListingPage, SchoolPage, attachments_field
from sitepages.models.blocks import ProcedureStepBlock


class ProcedureIndexPage(ChildListingPage):
    """The list of the school's administrative procedures."""

    intro = RichTextField("Giới thiệu", blank=True)

    listing_order = ("title",)
    listing_per_page = 50
    content_panels = SchoolPage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["sitepages.HomePage"]
    subpage_types = ["sitepages.ProcedurePage"]
    max_count = 1

    class Meta:
        verbose_name = "Danh sách thủ tục hành chính"
        verbose_name_plural = "Danh sách thủ tục hành chính"


class ProcedurePage(SchoolPage):
    """One procedure (e.g. transfer of school): steps, papers, fees, time limit, forms."""

    compliance_evidence = EvidenceSpec(
        rules=("procedures",),
        measures={"words": ("summary", "required_papers"), "rows": ("steps",), "files": ("forms",)},
    )

    summary = models.TextField("Tóm tắt", max_length=400, blank=True)
    steps = StreamField(
        [("step", ProcedureStepBlock())], blank=True, verbose_name="Trình tự thực hiện"
    )
    required_papers = RichTextField("Thành phần hồ sơ", blank=True)
    where = models.CharField("Nơi tiếp nhận", max_length=255, blank=True)
    fees = models.CharField("Phí, lệ phí", max_length=255, default="Không", blank=True)
    time_limit = models.CharField(
        "Thời hạn giải quyết",
        max_length=255,
        blank=True,
        help_text="Ví dụ: 3 ngày làm việc kể từ khi nhận đủ hồ sơ.",
    )
    legal_basis = RichTextField("Căn cứ pháp lý", blank=True)
    forms = attachments_field("Mẫu đơn, tờ khai")

    content_panels = SchoolPage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("steps"),
        FieldPanel("required_papers"),
        MultiFieldPanel(
            [FieldPanel("where"), FieldPanel("fees"), FieldPanel("time_limit")],
            heading="Tiếp nhận, phí và thời hạn",
        ),
        FieldPanel("legal_basis"),
        FieldPanel("forms"),
    ]
    search_fields = SchoolPage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("required_papers"),
    ]

    parent_page_types = ["sitepages.ProcedureIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Thủ tục hành chính"
        verbose_name_plural = "Thủ tục hành chính"
