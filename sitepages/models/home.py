"""The site root and free-form content pages."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from sitepages.models.base import SchoolPage, attachments_field
from sitepages.models.blocks import QuickLinkBlock

SECTION_PAGE_TYPES = [
    "sitepages.OrganisationPage",
    "sitepages.ProcedureIndexPage",
    "sitepages.ContactPage",
    "sitepages.PlanIndexPage",
    "sitepages.ScheduleIndexPage",
    "sitepages.TimetableIndexPage",
    "sitepages.MenuIndexPage",
    "sitepages.NewsIndexPage",
    "sitepages.DocumentIndexPage",
    "sitepages.DisclosureIndexPage",
    "sitepages.AdmissionPage",
    "sitepages.FeedbackFormPage",
]


class HomePage(SchoolPage):
    """The root of a school's site: what parents land on.

    Editors set the hero and the quick links; the urgent banner, the latest news and this
    week's schedule come from the pages below it.
    """

    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Ảnh nổi bật",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_heading = models.CharField("Khẩu hiệu", max_length=120, blank=True)
    hero_text = models.TextField("Lời giới thiệu ngắn", max_length=400, blank=True)
    intro = RichTextField("Giới thiệu", blank=True, features=["bold", "italic", "link"])
    quick_links = StreamField(
        [("link", QuickLinkBlock())], blank=True, verbose_name="Liên kết nhanh"
    )

    content_panels = SchoolPage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_heading"), FieldPanel("hero_text")],
            heading="Phần đầu trang",
        ),
        FieldPanel("intro"),
        FieldPanel("quick_links"),
    ]
    search_fields = SchoolPage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = SECTION_PAGE_TYPES + ["sitepages.StandardPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "Trang chủ"
        verbose_name_plural = "Trang chủ"

    def get_context(self, request, *args, **kwargs):
        from sitepages.selectors import home_blocks

        context = super().get_context(request, *args, **kwargs)
        context["blocks"] = home_blocks(home=self)
        return context


class StandardPage(SchoolPage):
    """A free-form page (history, achievements…) under the home page or the introduction."""

    summary = models.TextField("Tóm tắt", max_length=400, blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Ảnh",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = RichTextField("Nội dung", blank=True)
    attachments = attachments_field()

    content_panels = SchoolPage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("attachments"),
    ]
    search_fields = SchoolPage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    parent_page_types = [
        "sitepages.HomePage",
        "sitepages.OrganisationPage",
        "sitepages.StandardPage",
    ]
    subpage_types = ["sitepages.StandardPage", "sitepages.AlbumPage"]

    class Meta:
        verbose_name = "Trang nội dung"
        verbose_name_plural = "Trang nội dung"
