"""`disclosure_year_create`: one click builds a school year's disclosure tree."""

from django.db import transaction
from wagtail.log_actions import log

from sitepages import calendar
from sitepages.disclosure_items import ARTICLE_TITLES, items_for_levels
from sitepages.models import DisclosureIndexPage, DisclosurePage, DisclosureYearPage
from sitepages.services.drafts import page_add_checked


@transaction.atomic
def disclosure_year_create(
    *,
    index: DisclosureIndexPage,
    school_year_start: int,
    levels,
    serves_meals: bool = False,
    user=None,
) -> tuple[DisclosureYearPage, int]:
    """The year page (live) and one draft per catalogue item for the school's levels.

    Idempotent: items that already have a page for that year are left alone. Returns the year
    page and how many item pages were created. Item pages are drafts: parents see an item once
    the school has filled it in and published it.
    """
    DisclosureIndexPage.objects.select_for_update().filter(pk=index.pk).exists()
    year_page = (
        DisclosureYearPage.objects.child_of(index)
        .filter(school_year_start=school_year_start)
        .first()
    )
    if year_page is None:
        label = calendar.school_year_label(school_year_start)
        year_page = DisclosureYearPage(
            title=f"Công khai {label.lower()}",
            slug=f"nam-hoc-{school_year_start}-{school_year_start + 1}",
            school_year_start=school_year_start,
            owner=user,
        )
        page_add_checked(parent=index, page=year_page, user=user)
        index.add_child(instance=year_page)
        year_page.save_revision(user=user, log_action=False).publish(user=user)
        log(instance=year_page, action="wagtail.create", user=user)
    existing = set(DisclosurePage.objects.child_of(year_page).values_list("item", flat=True))
    created = 0
    for item in items_for_levels(levels, serves_meals=serves_meals):
        if item.code in existing:
            continue
        page = DisclosurePage(
            title=item.title[:255],
            slug=item.code,
            item=item.code,
            school_year_start=school_year_start,
            live=False,
            owner=user,
            search_description=f"{ARTICLE_TITLES[item.article]} – {item.citation}",
        )
        year_page.add_child(instance=page)
        page.save_revision(user=user, log_action=False)
        log(instance=page, action="wagtail.create", user=user)
        created += 1
    return year_page, created
