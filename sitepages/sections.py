"""The pre-structured section tree every school site gets.

Built once in the template schema (clones inherit it); `section_tree_ensure` is idempotent and
also runs for each new school, to add the sections that depend on its levels.
"""

from wagtail.models import Page, Site

from .models import HomePage

# Bump when the tree below changes: pooled clones of an older template are then discarded.
SECTION_TREE_VERSION = 1


def home_page_ensure(*, title: str, hostname: str, site_name: str = "") -> HomePage:
    """Make the schema's only Site serve a HomePage on `hostname` (replacing Wagtail's welcome)."""
    home = HomePage.objects.first()
    if home is None:
        home = Page.get_first_root_node().add_child(instance=HomePage(title=title, slug="trang-chu"))
    elif home.title != title:
        home.title = home.draft_title = title
        home.save(update_fields=["title", "draft_title"])
    site = Site.objects.select_related("root_page").first()
    if site is None:
        Site.objects.create(
            hostname=hostname, port=80, root_page=home, is_default_site=True, site_name=site_name
        )
        return home
    old_root = site.root_page
    site.hostname, site.port, site.site_name = hostname, 80, site_name
    site.root_page, site.is_default_site = home, True
    site.save()
    if old_root.pk != home.pk and old_root.specific_class is Page and old_root.depth == 2:
        old_root.delete()
    return home


def section_tree_ensure(*, home: HomePage, levels: list[str]) -> None:
    """Create the required section pages under `home` that are missing (idempotent)."""
