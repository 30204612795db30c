"""Album ảnh: the photos of a school event (opening day, a sports festival), under the news
section or a school's own content page.

An album is news-like content for parents, not evidence: no publishing rule names it, so it
declares no `compliance_evidence` and the compliance engine never counts it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.search import index

from sitepages.calendar import local_today
from sitepages.models.base import SchoolPage
from sitepages.page_forms import AlbumPageForm


class AlbumPhotoBlock(blocks.StructBlock):
    """One photo of an album and what it shows (the caption parents read under it)."""

    image = ImageChooserBlock(label=_("Ảnh"))
    caption = blocks.CharBlock(
        label=_("Chú thích"),
        required=False,
        max_length=255,
        help_text=_("Ví dụ: “Lớp 6A nhận cờ thi đua”. Để trống thì không hiện chú thích."),
    )

    class Meta:
        icon = "image"
        label = _("Ảnh và chú thích")


class AlbumPage(SchoolPage):
    """A photo album: title, the day of the event, a short introduction and the photos in the
    order the editor gives them (the first one is the album's cover and its share image)."""

    event_date = models.DateField(_("Ngày diễn ra"), default=local_today, db_index=True)
    intro = models.TextField(_("Giới thiệu"), max_length=600, blank=True)
    photos = StreamField(
        [("photo", AlbumPhotoBlock())],
        blank=True,
        verbose_name=_("Các ảnh (theo thứ tự hiển thị)"),
    )

    base_form_class = AlbumPageForm
    content_panels = SchoolPage.content_panels + [
        FieldPanel("event_date"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("uploads"), FieldPanel("uploads_alt"), FieldPanel("photos")],
            heading=_("Ảnh"),
        ),
    ]
    search_fields = SchoolPage.search_fields + [index.SearchField("intro")]
    parent_page_types = ["sitepages.NewsIndexPage", "sitepages.StandardPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Album ảnh")
        verbose_name_plural = _("Album ảnh")

    is_album = True  # for listings that mix news and albums

    @property
    def cover(self):
        """The first photo's image (None for an album without photos)."""
        for block in self.photos:
            if block.value.get("image") is not None:
                return block.value["image"]
        return None

    @property
    def photo_values(self) -> list[dict]:
        """The photos as `[{"image": Image, "caption": str}]`, in order (for the photo grid)."""
        return [block.value for block in self.photos if block.value.get("image") is not None]

    @property
    def photo_count(self) -> int:
        return sum(1 for block in self.photos if block.value.get("image") is not None)

    def og_description(self) -> str:
        return self.search_description or self.intro

    def get_context(self, request, *args, **kwargs):
        from sitepages.news_listing import news_related

        context = super().get_context(request, *args, **kwargs)
        context["related"] = news_related(page=self)
        return context

    @property
    def summary(self) -> str:
        """What a news listing shows under the title."""
        return self.intro
