"""The pre-structured section tree every school site gets.

Built once in the template schema (clones inherit it); `section_tree_ensure` is idempotent and
also runs for each new school, to add the sections that depend on its levels. The sections are
required: editors cannot delete, move or unpublish them (`sitepages.protection`), and the menu
shows them in the fixed order of SECTIONS whatever their order in the tree.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, Site

from sitepages.models import (
    AdmissionPage,
    ContactPage,
    DisclosureIndexPage,
    DocumentIndexPage,
    FeedbackFormField,
    FeedbackFormPage,
    HomePage,
    MenuIndexPage,
    NewsIndexPage,
    OrganisationPage,
    PlanIndexPage,
    ProcedureIndexPage,
    ScheduleIndexPage,
    TimetableIndexPage,
)
from sitepages.roles import roles_ensure

# Bump when the tree below changes: pooled clones of an older template are then discarded.
SECTION_TREE_VERSION = 2


@dataclass(frozen=True)
class Section:
    slug: str
    title: str
    model: type[Page]
    # None: every school; otherwise only schools with one of these levels.
    levels: frozenset[str] | None = None
    defaults: dict = field(default_factory=dict)

    # Also for schools of other levels that serve meals (the menu must then be published).
    with_meals: bool = False

    def applies_to(self, levels, *, serves_meals: bool = False) -> bool:
        if self.with_meals and serves_meals:
            return True
        return self.levels is None or bool(self.levels.intersection(levels))


# Menu order, as parents read it: who we are, what happens, what is published, how to reach us.
SECTIONS: tuple[Section, ...] = (
    Section("gioi-thieu", "Giới thiệu", OrganisationPage),
    Section("tin-tuc", "Tin tức", NewsIndexPage),
    Section("ke-hoach", "Kế hoạch", PlanIndexPage),
    Section("lich-cong-tac", "Lịch công tác", ScheduleIndexPage),
    Section("thoi-khoa-bieu", "Thời khóa biểu", TimetableIndexPage),
    Section(
        "thuc-don", "Thực đơn", MenuIndexPage, levels=frozenset({"preschool"}), with_meals=True
    ),
    Section("van-ban", "Văn bản", DocumentIndexPage),
    Section("cong-khai", "Công khai", DisclosureIndexPage),
    Section("thu-tuc-hanh-chinh", "Thủ tục hành chính", ProcedureIndexPage),
    Section("tuyen-sinh", "Tuyển sinh", AdmissionPage),
    Section(
        "gop-y",
        "Góp ý",
        FeedbackFormPage,
        defaults={
            "subject": "Góp ý mới từ website của trường",
            "thank_you_text": "<p>Cảm ơn bạn đã gửi góp ý. Nhà trường sẽ trả lời sớm.</p>",
        },
    ),
    Section("lien-he", "Liên hệ", ContactPage),
)
SECTION_SLUGS = tuple(section.slug for section in SECTIONS)
SECTION_MODELS = frozenset(section.model for section in SECTIONS)
SECTIONS_BY_MODEL = {section.model: section for section in SECTIONS}

FEEDBACK_FIELDS = (
    ("Họ và tên", "singleline", True),
    ("Thư điện tử", "email", False),
    ("Số điện thoại", "singleline", False),
    ("Nội dung góp ý, câu hỏi", "multiline", True),
)


def home_page_ensure(*, title: str, hostname: str, site_name: str = "", port: int = 80) -> HomePage:
    """Make the schema's only Site serve a HomePage on `hostname` (replacing Wagtail's welcome)."""
    home = HomePage.objects.first()
    if home is None:
        home = Page.get_first_root_node().add_child(
            instance=HomePage(title=title, slug="trang-chu")
        )
    elif home.title != title:
        home.title = home.draft_title = title
        home.save(update_fields=["title", "draft_title"])
    site = Site.objects.select_related("root_page").first()
    if site is None:
        Site.objects.create(
            hostname=hostname,
            port=port,
            root_page=home,
            is_default_site=True,
            site_name=site_name,
        )
        return home
    old_root = site.root_page
    # Wagtail writes absolute URLs (feeds, sitemap, purges) from the Site's port: 443 → https.
    site.hostname, site.port, site.site_name = hostname, port, site_name
    site.root_page, site.is_default_site = home, True
    site.save()
    if old_root.pk != home.pk and old_root.specific_class is Page and old_root.depth == 2:
        old_root.delete()
    return home


def section_tree_ensure(
    *, home: HomePage, levels: list[str], serves_meals: bool = False, roles: bool = True
) -> None:
    """Create the required section pages under `home` that are missing (idempotent).

    Also makes sure the school's roles (editor, principal) and the approval workflow exist,
    unless `roles` is False (a school cloned from a current template has them on its home).
    """
    present = set(home.get_children().values_list("content_type_id", flat=True))
    types = ContentType.objects.get_for_models(*SECTION_MODELS, for_concrete_models=False)
    for section in SECTIONS:
        if not section.applies_to(levels, serves_meals=serves_meals):
            continue
        if types[section.model].pk in present:
            continue
        page = section.model(
            title=section.title, slug=section.slug, show_in_menus=True, **section.defaults
        )
        home.add_child(instance=page)
        if isinstance(page, FeedbackFormPage):
            _feedback_fields_create(page)
    if roles:
        roles_ensure(home=home)


def _feedback_fields_create(page: FeedbackFormPage) -> None:
    FeedbackFormField.objects.bulk_create(
        FeedbackFormField(
            page=page, sort_order=index, label=label, field_type=field_type, required=required
        )
        for index, (label, field_type, required) in enumerate(FEEDBACK_FIELDS)
    )


def is_required_section(page: Page) -> bool:
    """A section page right under the site's home page (or the home page itself)."""
    specific_class = page.specific_class
    if specific_class is HomePage:
        return True
    return page.depth == 3 and specific_class in SECTION_MODELS
