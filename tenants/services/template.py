"""The template schema every school is cloned from.

It is a real School row without a domain (`is_template=True`), so `migrate_schemas` migrates it
with every school; cloning refuses a template that lacks a migration on disk, because a clone
records the template's migrations as applied and would silently miss the new one.

The template's pages are live, each with the revision that holds its content, but have never
been published anywhere: the template's publish log is empty. Compliance evidence is read from
that log, and a school's sections go live when the school is created, so provisioning writes
their publish log entries then (`pages_publish_log`).
"""

from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django_tenants.utils import get_public_schema_name, schema_context, schema_exists

from tenants.models import School
from tenants.services.migration_state import migration_fingerprint, schemas_behind
from tenants.services.schema_copy import SchemaDDL, schema_ddl_for
from tenants.site_builder import school_site_builder

TEMPLATE_HOSTNAME = "template.invalid"
# Bump when what the template holds changes outside migrations and the section tree: pooled
# clones of an older template are then discarded. 2: no publication history in the template.
TEMPLATE_CONTENT_VERSION = 2


class TemplateNotReady(RuntimeError):
    """The template schema is missing or behind the migrations on disk."""


def template_schema_name() -> str:
    return settings.SCHOOL_TEMPLATE_SCHEMA


def school_template_ensure(*, verbosity: int = 0) -> School:
    """Create, migrate and fill the template schema as needed (idempotent).

    The first run pays for every migration once (~7 s); later runs only apply what is new and
    make sure the section tree is complete.
    """
    with schema_context(get_public_schema_name()):
        return _school_template_ensure(verbosity=verbosity)


def _school_template_ensure(*, verbosity: int) -> School:
    name = template_schema_name()
    template = School.objects.filter(schema_name=name).first()
    if template is None:
        template = School.objects.create(
            schema_name=name,
            name="Mẫu trang web trường",
            code="school-template",
            levels=[],
            is_template=True,
        )
    if not schema_exists(name):
        with connection.cursor() as cursor:
            cursor.execute(f"CREATE SCHEMA {connection.ops.quote_name(name)}")
    if schemas_behind([name]):
        call_command(
            "migrate_schemas",
            schema_name=name,
            tenant=True,
            interactive=False,
            executor="standard",
            verbosity=verbosity,
        )
    with transaction.atomic(), schema_context(name):
        school_site_builder().template_build(hostname=TEMPLATE_HOSTNAME)
        _pages_publish_unrevised()
        publication_log_clear()
    template_ddl()
    return template


def _pages_publish_unrevised() -> None:
    """Publish the template's pages that have never been published (new sections), so that
    each carries the revision a school's publish log entry will point to."""
    from wagtail.models import Page

    for page in Page.objects.filter(depth__gt=1, live=True, live_revision__isnull=True).specific():
        page.save_revision().publish()


def publication_log_clear() -> None:
    """Empty the template's publish log, keeping the revisions that hold the pages' content.

    The template is published nowhere: its pages went live only in the schools cloned from it,
    when each school was created (`pages_publish_log`).
    """
    from wagtail.models import Page, PageLogEntry

    PageLogEntry.objects.all().delete()
    Page.objects.filter(depth__gt=1).update(first_published_at=None, last_published_at=None)


def template_ddl() -> SchemaDDL:
    """The template's DDL for schema copies, captured with pg_dump once per fingerprint."""
    return schema_ddl_for(schema_name=template_schema_name(), fingerprint=template_fingerprint())


def pages_publish_unlogged() -> int:
    """Publish (revision + log entry) every live page that has no publish log entry yet.

    Pages made with `add_child` are live without a trace in Wagtail's log, and compliance
    evidence is read from that log: the sections a school gets must show when they went live.
    """
    from wagtail.models import Page, PageLogEntry

    logged = PageLogEntry.objects.filter(action="wagtail.publish").values("page_id")
    unlogged = Page.objects.filter(depth__gt=1, live=True).exclude(pk__in=logged).specific()
    count = 0
    for page in unlogged:
        page.save_revision().publish()
        count += 1
    return count


def pages_publish_log() -> int:
    """Record now as the moment the live pages inherited from the template went live.

    A clone's pages are live with the revision that holds their content (written when the
    template was built) and no publish log entry. The rows Wagtail's log API
    (`PageLogEntry.objects.log_action`) would write for publishing each page are written in
    one insert, with the pages' publication dates: the same evidence as publishing each
    page, without re-saving 13 unchanged pages (Wagtail's publish action costs ~65 queries a
    page) or validating each log row on its own (~5 queries a row). Pages without a live
    revision (sections added for the school's levels) are left to `pages_publish_unlogged`.
    """
    from django.utils import timezone
    from wagtail.models import Page, PageLogEntry

    logged = PageLogEntry.objects.filter(action="wagtail.publish").values("page_id")
    pages = list(
        Page.objects.filter(depth__gt=1, live=True, live_revision__isnull=False)
        .exclude(pk__in=logged)
        .only("pk", "title", "content_type_id", "live_revision_id")
    )
    moment = timezone.now()
    PageLogEntry.objects.bulk_create(
        PageLogEntry(
            content_type_id=page.content_type_id,  # the specific type, as log_action records
            label=page.title,
            action="wagtail.publish",
            timestamp=moment,
            data={},
            page_id=page.pk,
            revision_id=page.live_revision_id,
            content_changed=True,
        )
        for page in pages
    )
    Page.objects.filter(pk__in=[page.pk for page in pages]).update(
        first_published_at=moment, last_published_at=moment
    )
    return len(pages)


def publication_history_restamp(*, moment) -> None:
    """Date a school's whole publication history to `moment` (the demo only).

    The demo provisions its schools today and then writes a history that starts months ago;
    it moves the sections' publication to that start. Wagtail has no public way to date a
    revision or log entry after the fact (its publish action stamps the current time), so this
    rewrites the rows. Provisioning does not need it: a school's publish log is written when the
    school is created (`pages_publish_log`).
    """
    with connection.cursor() as cursor:
        cursor.execute("UPDATE wagtailcore_pagelogentry SET timestamp = %s", [moment])
        cursor.execute("UPDATE wagtailcore_revision SET created_at = %s", [moment])
        cursor.execute(
            "UPDATE wagtailcore_page SET first_published_at = %s, last_published_at = %s, "
            "latest_revision_created_at = %s WHERE live",
            [moment, moment, moment],
        )


def template_fingerprint() -> str:
    """What a clone of the template is a clone of: its migrations, section tree and content."""
    migrations = migration_fingerprint(template_schema_name())[:24]
    return f"{migrations}-t{school_site_builder().version}-c{TEMPLATE_CONTENT_VERSION}"


def template_assert_ready() -> None:
    name = template_schema_name()
    if not schema_exists(name):
        raise TemplateNotReady(
            f"the template schema '{name}' does not exist: run `python manage.py "
            "prepare_school_template` (make migrate does)"
        )
    if schemas_behind([name]):
        raise TemplateNotReady(
            f"the template schema '{name}' lacks migrations: run `python manage.py "
            "migrate_schemas` first, a clone would record them as applied without running them"
        )
