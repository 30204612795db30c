"""Purge or refresh the front cache (nginx) of the pages that show what a school just changed.

Wagtail's frontend-cache app purges the published page itself. These handlers add the pages
that show it too (deploy/wagtail_frontend_cache.md): its ancestors (the section list and the
home page with its latest news and this week's schedule), the feeds and the sitemap; for an
urgent notice, whose banner is on every page, and for the school's branding, every live page.
They do nothing unless WAGTAILFRONTENDCACHE is configured, and purge after the commit, so that
a parent's request cannot put the old page back in the cache. URLs come from the school's own
Site, so a purge can only name that school's host.

A publish also queues the e-mail to the page's subscribers (`on_published_notify_subscribers`).
"""

import logging

from django.conf import settings
from django.db import connection, transaction
from django.db.models.signals import post_save
from django_tenants.utils import get_public_schema_name, schema_context
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished

logger = logging.getLogger(__name__)
SITE_WIDE_URLS = ("/sitemap.xml", "/tin-tuc/feed/", "/tin-tuc/feed/atom/", "/en/")


def _enabled() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None)) and (
        connection.schema_name != get_public_schema_name()
    )


def _after_commit(function, *args) -> None:
    schema_name = connection.schema_name

    def run():
        try:
            with schema_context(schema_name):
                function(*args)
        except Exception:  # noqa: BLE001 — a cache purge must never break publishing
            logger.warning("front-cache purge failed in %s", schema_name, exc_info=True)

    transaction.on_commit(run)


def school_pages_purge(page_id: int) -> list[str]:
    """Purge the pages that show page `page_id`; returns the URLs sent."""
    page = Page.objects.filter(pk=page_id).first()
    site = page.get_site() if page else None
    if site is None:
        return []
    page = page.specific
    batch = PurgeBatch()
    if getattr(page, "kind", None) == "urgent":
        batch.add_pages(site.root_page.get_descendants(inclusive=True).live().specific())
    else:
        batch.add_pages(page.get_ancestors().filter(depth__gt=1).live().specific())
    batch.add_urls([site.root_url + path for path in SITE_WIDE_URLS])
    urls = list(batch.urls)
    batch.purge()
    return urls


def school_site_purge(site_id: int) -> list[str]:
    """Purge every live page of the school (branding changed)."""
    site = Site.objects.filter(pk=site_id).select_related("root_page").first()
    if site is None:
        return []
    batch = PurgeBatch()
    batch.add_pages(site.root_page.get_descendants(inclusive=True).live().specific())
    batch.add_urls([site.root_url + path for path in SITE_WIDE_URLS])
    urls = list(batch.urls)
    batch.purge()
    return urls


def on_publication_change(sender, instance, **kwargs):
    if _enabled():
        _after_commit(school_pages_purge, instance.pk)


def on_branding_saved(sender, instance, **kwargs):
    if _enabled():
        _after_commit(school_site_purge, instance.site_id)


def on_published_notify_subscribers(sender, instance, **kwargs):
    """An urgent notice or a weekly plan of this or a coming week goes to its e-mail
    subscribers, by a task queued after the commit (`sitepages.subscriptions`)."""
    from django.utils import timezone

    from sitepages.subscriptions.services import page_notice_topic, page_subscribers_schedule

    if connection.schema_name == get_public_schema_name():
        return
    if page_notice_topic(instance, now=timezone.now()) is not None:
        page_subscribers_schedule(page_id=instance.pk)


def on_photos_published(sender, instance, **kwargs):
    """After the commit, queue the renditions of the photos of a published album or news item
    (sitepages.images.photo_renditions_prepare); a broker that is down never fails a publish
    (given up on within about 2 s, CELERY_TASK_PUBLISH_RETRY_POLICY): the page then makes
    them on its first view. Pages without photos queue nothing."""
    from sitepages.images import page_photos

    schema_name = connection.schema_name
    page_id = instance.pk
    if schema_name == get_public_schema_name() or not page_photos(instance):
        return

    def queue():
        from sitepages.tasks import prepare_photo_renditions

        try:
            prepare_photo_renditions.delay(schema_name, page_id)
        except Exception:  # noqa: BLE001
            logger.warning("photo renditions of page %s not queued", page_id, exc_info=True)

    transaction.on_commit(queue)


def connect() -> None:
    from sitepages.models import AlbumPage, NewsPage, SchoolBranding

    for model in (AlbumPage, NewsPage):
        page_published.connect(
            on_photos_published, sender=model, dispatch_uid=f"sitepages-photos-{model.__name__}"
        )
    page_published.connect(on_publication_change, dispatch_uid="sitepages-purge-published")
    page_unpublished.connect(on_publication_change, dispatch_uid="sitepages-purge-unpublished")
    page_published.connect(
        on_published_notify_subscribers, dispatch_uid="sitepages-notify-subscribers"
    )
    post_save.connect(on_branding_saved, sender=SchoolBranding, dispatch_uid="sitepages-branding")
