"""Per-school branding chosen in the admin (Cài đặt → Nhận diện), never in templates."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting

from sitepages.validators import validate_brand_colour

DEFAULT_COLOUR = "#0b5394"
LOGO_FILTER = "height-96"


class SchoolBranding(BaseSiteSetting):
    """The school's logo, colour and footer text, shown on every page of its site."""

    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Biểu trưng (logo)",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    colour = models.CharField(
        "Màu chủ đạo",
        max_length=7,
        default=DEFAULT_COLOUR,
        validators=[validate_brand_colour],
        help_text="Màu nền đầu trang, chữ trắng; phải đủ đậm để dễ đọc. Ví dụ #0b5394.",
    )
    footer_text = models.TextField("Chân trang", blank=True)

    panels = [FieldPanel("logo"), FieldPanel("colour"), FieldPanel("footer_text")]

    class Meta:
        verbose_name = "Nhận diện của trường"
        verbose_name_plural = "Nhận diện của trường"
