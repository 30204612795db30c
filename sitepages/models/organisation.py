"""Introduction/organisation and contacts (TT 37/2020 Art. 9; Decree 42/2022 Art. 7)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from sitepages.evidence import EvidenceSpec
from sitepages.models.base import SchoolPage
from sitepages.validators import validate_vn_phone


class LeaderRole(models.TextChoices):
    """Leadership roles; the English labels feed the English page (Decree 42/2022)."""

    PRINCIPAL = "principal", "Hiệu trưởng"
    VICE_PRINCIPAL = "vice_principal", "Phó Hiệu trưởng"
    COUNCIL_CHAIR = "council_chair", "Chủ tịch Hội đồng trường"
    PARTY_SECRETARY = "party_secretary", "Bí thư Chi bộ"
    UNION_CHAIR = "union_chair", "Chủ tịch Công đoàn"
    HEAD_OF_GROUP = "head_of_group", "Tổ trưởng chuyên môn"
    OTHER = "other", "Khác"


LEADER_ROLE_ENGLISH = {
    LeaderRole.PRINCIPAL: "Principal",
    LeaderRole.VICE_PRINCIPAL: "Vice principal",
    LeaderRole.COUNCIL_CHAIR: "Chair of the school council",
    LeaderRole.PARTY_SECRETARY: "Party cell secretary",
    LeaderRole.UNION_CHAIR: "Trade union chair",
    LeaderRole.HEAD_OF_GROUP: "Head of subject group",
    LeaderRole.OTHER: "Staff",
}


def phone_field(verbose_name="Điện thoại", **kwargs):
    return models.CharField(verbose_name, max_length=32, validators=[validate_vn_phone], **kwargs)


class OrganisationPage(SchoolPage):
    """Giới thiệu: the school's structure, functions, duties, powers and leadership."""

    compliance_evidence = EvidenceSpec(
        rules=("organisation",),
        measures={
            "words": ("intro", "structure", "functions", "duties", "powers"),
            "rows": ("leaders",),
        },
    )

    name_en = models.CharField(
        "Tên trường bằng tiếng Anh",
        max_length=255,
        blank=True,
        help_text="Dùng cho trang tiếng Anh (Nghị định 42/2022).",
    )
    intro = RichTextField("Giới thiệu chung", blank=True)
    structure = RichTextField("Cơ cấu tổ chức", blank=True)
    functions = RichTextField("Chức năng", blank=True)
    duties = RichTextField("Nhiệm vụ", blank=True)
    powers = RichTextField("Quyền hạn", blank=True)
    org_chart = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Sơ đồ tổ chức",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    structure_en = models.TextField(
        "Cơ cấu tổ chức bằng tiếng Anh",
        blank=True,
        help_text="Đoạn giới thiệu ngắn bằng tiếng Anh cho trang /en/.",
    )

    content_panels = SchoolPage.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("structure"),
                FieldPanel("functions"),
                FieldPanel("duties"),
                FieldPanel("powers"),
                FieldPanel("org_chart"),
            ],
            heading="Tổ chức bộ máy",
        ),
        InlinePanel("leaders", label="Lãnh đạo nhà trường", heading="Lãnh đạo nhà trường"),
        MultiFieldPanel([FieldPanel("name_en"), FieldPanel("structure_en")], heading="Tiếng Anh"),
    ]
    search_fields = SchoolPage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("structure"),
        index.SearchField("functions"),
        index.SearchField("duties"),
    ]

    parent_page_types = ["sitepages.HomePage"]
    subpage_types = ["sitepages.StandardPage"]
    max_count = 1

    class Meta:
        verbose_name = "Giới thiệu – tổ chức bộ máy"
        verbose_name_plural = "Giới thiệu – tổ chức bộ máy"


class Leader(Orderable):
    """A member of the leadership with their official contacts (TT 37/2020 Art. 9)."""

    page = ParentalKey(OrganisationPage, on_delete=models.CASCADE, related_name="leaders")
    name = models.CharField("Họ và tên", max_length=120)
    role = models.CharField("Vai trò", max_length=32, choices=LeaderRole.choices)
    title = models.CharField(
        "Chức vụ (ghi cụ thể)",
        max_length=120,
        blank=True,
        help_text="Để trống để dùng tên vai trò.",
    )
    phone = phone_field("Điện thoại công vụ", blank=True)
    email = models.EmailField("Thư điện tử công vụ", blank=True)
    duties = models.TextField("Nhiệm vụ được phân công", blank=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("role"), FieldPanel("title")]),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        FieldPanel("duties"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "Lãnh đạo"
        verbose_name_plural = "Lãnh đạo"

    @property
    def display_title(self) -> str:
        return self.title or self.get_role_display()

    @property
    def role_en(self) -> str:
        return LEADER_ROLE_ENGLISH.get(self.role, "Staff")


class ContactPage(SchoolPage):
    """Liên hệ: the school's official channels and one row per person or unit."""

    compliance_evidence = EvidenceSpec(rules=("contacts",), measures={"rows": ("contacts",)})

    address = models.TextField("Địa chỉ", blank=True)
    phone = phone_field("Điện thoại của trường", blank=True)
    email = models.EmailField("Thư điện tử của trường", blank=True)
    map_url = models.URLField("Đường dẫn bản đồ", blank=True)
    office_hours = models.CharField("Giờ làm việc", max_length=255, blank=True)
    intro = RichTextField("Ghi chú", blank=True, features=["bold", "italic", "link"])

    content_panels = SchoolPage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
                FieldPanel("map_url"),
                FieldPanel("office_hours"),
            ],
            heading="Thông tin liên hệ của trường",
        ),
        FieldPanel("intro"),
        InlinePanel("contacts", label="Người / bộ phận", heading="Danh bạ cán bộ, bộ phận"),
    ]
    search_fields = SchoolPage.search_fields + [index.SearchField("address")]

    parent_page_types = ["sitepages.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "Liên hệ"
        verbose_name_plural = "Liên hệ"


class ContactRow(Orderable):
    """A person or unit with their official phone and e-mail."""

    page = ParentalKey(ContactPage, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField("Họ tên / bộ phận", max_length=120)
    position = models.CharField("Chức vụ", max_length=120, blank=True)
    position_en = models.CharField("Chức vụ (tiếng Anh)", max_length=120, blank=True)
    phone = phone_field("Điện thoại công vụ", blank=True)
    email = models.EmailField("Thư điện tử công vụ", blank=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("position"), FieldPanel("position_en")]),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "Liên hệ của cán bộ / bộ phận"
        verbose_name_plural = "Liên hệ của cán bộ / bộ phận"

    @property
    def position_label_en(self) -> str:
        """The English position, else the Vietnamese one (the English page's contacts)."""
        return self.position_en or self.position

    def clean(self):
        super().clean()
        if not self.phone and not self.email:
            raise ValidationError(
                {"phone": gettext("Ghi ít nhất số điện thoại hoặc thư điện tử công vụ.")}
            )
