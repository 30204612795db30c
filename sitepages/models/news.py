"""Tin tức: news, topical news about an event, and urgent notices shown as a site banner."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.search import index

from sitepages.calendar import local_today
from sitepages.evidence import EvidenceSpec
from sitepages.models.base import SchoolPage, attachments_field, paginated_paths
from sitepages.page_forms import NewsPageForm

NEWS_PER_PAGE = 12
# How long an urgent banner stays up when the editor gives no end (SITEPAGES_URGENT_BANNER_DAYS).
DEFAULT_URGENT_DAYS = 7
# A clock a few minutes fast on the editor's phone must not make "received" look future.
RECEIVED_AT_TOLERANCE = dt.timedelta(minutes=10)


class NewsIndexPage(SchoolPage):
    """The news section: newest first, filterable by kind."""

    intro = RichTextField("Giới thiệu", blank=True)

    content_panels = SchoolPage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["sitepages.HomePage"]
    subpage_types = ["sitepages.NewsPage", "sitepages.AlbumPage"]
    max_count = 1

    class Meta:
        verbose_name = _("Mục tin tức")
        verbose_name_plural = _("Mục tin tức")

    def get_cached_paths(self):
        """The list's pages and each filter's first page (`?loai=thong-bao`…, and the
        compliance kinds' `?loai=urgent`… that older links use)."""
        from sitepages.news_listing import FILTERS, LEGACY

        count = self.get_children().live().public().count()
        slugs = [item.slug for item in FILTERS if item.slug] + list(LEGACY)
        return paginated_paths(count, NEWS_PER_PAGE, extra=[f"?loai={slug}" for slug in slugs])

    def get_context(self, request, *args, **kwargs):
        from sitepages.news_listing import FILTERS, news_filter, news_items

        context = super().get_context(request, *args, **kwargs)
        chosen = news_filter(request.GET.get("loai"))
        items = news_items(parent=self, slug=chosen.slug)
        context["filter"] = chosen
        context["filters"] = FILTERS
        context["news"] = Paginator(items, NEWS_PER_PAGE).get_page(request.GET.get("trang"))
        return context


class NewsKind(models.TextChoices):
    ORDINARY = "ordinary", _("Tin thường")
    TOPICAL = "topical", _("Tin thời sự (sự kiện trong ngày)")
    URGENT = "urgent", _("Thông báo khẩn")


class NewsPage(SchoolPage):
    """A news item. Topical news reports an event on `event_date` (due by 16:00 that day);
    an urgent notice records when it was received and shows as a banner until it expires."""

    compliance_evidence = EvidenceSpec(
        rules=("news-topical", "urgent", "news-weekly", "news"),
        attrs=("kind", "event_date", "received_at"),
        measures={"words": ("summary", "body"), "images": ("image",), "files": ("attachments",)},
    )

    kind = models.CharField(
        _("Loại tin"),
        max_length=16,
        choices=NewsKind.choices,
        default=NewsKind.ORDINARY,
        db_index=True,
    )
    event_date = models.DateField(_("Ngày diễn ra sự kiện"), default=local_today, db_index=True)
    received_at = models.DateTimeField(
        _("Thời điểm nhận thông báo"),
        null=True,
        blank=True,
        help_text=_("Bắt buộc với thông báo khẩn: lúc nhà trường nhận được thông báo."),
    )
    urgent_until = models.DateTimeField(
        _("Hiện biểu ngữ khẩn đến"),
        null=True,
        blank=True,
        help_text=_("Để trống: biểu ngữ hiện 7 ngày kể từ lúc nhận."),
    )
    summary = models.TextField(_("Tóm tắt"), max_length=400, blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Ảnh đại diện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = RichTextField(_("Nội dung"))
    gallery = StreamField(
        [("photo", ImageChooserBlock(label=_("Ảnh")))], blank=True, verbose_name=_("Ảnh của tin")
    )
    attachments = attachments_field()

    base_form_class = NewsPageForm
    content_panels = SchoolPage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("event_date")]),
                FieldRowPanel([FieldPanel("received_at"), FieldPanel("urgent_until")]),
            ],
            heading=_("Loại tin và thời gian"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("photos"), FieldPanel("photos_alt"), FieldPanel("gallery")],
            heading=_("Ảnh"),
        ),
        FieldPanel("image"),
        FieldPanel("attachments"),
    ]
    search_fields = SchoolPage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("kind"),
    ]
    parent_page_types = ["sitepages.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Tin tức")
        verbose_name_plural = _("Tin tức")

    @property
    def is_urgent(self) -> bool:
        return self.kind == NewsKind.URGENT

    def clean(self):
        errors = self._errors_from_super_clean()
        if self.is_urgent and "received_at" not in errors:  # a year out of range: no sums
            if self.received_at is None:
                errors["received_at"] = gettext(
                    "Thông báo khẩn phải ghi thời điểm nhà trường nhận được thông báo."
                )
            else:
                if self.received_at > timezone.now() + RECEIVED_AT_TOLERANCE:
                    errors["received_at"] = gettext("Thời điểm nhận không được ở tương lai.")
                if self.urgent_until is None:
                    days = getattr(settings, "SITEPAGES_URGENT_BANNER_DAYS", DEFAULT_URGENT_DAYS)
                    self.urgent_until = self.received_at + dt.timedelta(days=days)
                elif self.urgent_until <= self.received_at:
                    errors["urgent_until"] = gettext(
                        "Thời điểm kết thúc biểu ngữ phải sau thời điểm nhận thông báo."
                    )
        if errors:
            raise ValidationError(errors)

    def og_description(self) -> str:
        return self.search_description or self.summary

    @property
    def gallery_photos(self) -> list[dict]:
        """The gallery's photos but the lead image (shown above the text), as
        `[{"image": Image, "caption": ""}]` for the photo grid."""
        return [
            {"image": block.value, "caption": ""}
            for block in self.gallery
            if block.value is not None and block.value != self.image
        ]

    def get_context(self, request, *args, **kwargs):
        from sitepages.news_listing import news_related

        context = super().get_context(request, *args, **kwargs)
        context["related"] = news_related(page=self)
        return context
