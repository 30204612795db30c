"""The template schema every school is cloned from.

It is a real School row without a domain (`is_template=True`), so `migrate_schemas` migrates it
with every school; cloning refuses a template that lacks a migration on disk, because a clone
records the template's migrations as applied and would silently miss the new one.
"""

from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django_tenants.utils import schema_context, schema_exists

from sitepages.sections import SECTION_TREE_VERSION, home_page_ensure, section_tree_ensure
from tenants.models import School
from tenants.services.migration_state import migration_fingerprint, schemas_behind

TEMPLATE_HOSTNAME = "template.invalid"


class TemplateNotReady(RuntimeError):
    """The template schema is missing or behind the migrations on disk."""


def template_schema_name() -> str:
    return settings.SCHOOL_TEMPLATE_SCHEMA


def school_template_ensure(*, verbosity: int = 0) -> School:
    """Create, migrate and fill the template schema as needed (idempotent).

    The first run pays for every migration once (~7 s); later runs only apply what is new and
    make sure the section tree is complete.
    """
    connection.set_schema_to_public()
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
        home = home_page_ensure(title="Trang chủ", hostname=TEMPLATE_HOSTNAME)
        section_tree_ensure(home=home, levels=[])
        pages_publish_unlogged()
    connection.set_schema_to_public()
    return template


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


def publication_history_restamp(*, moment) -> None:
    """Date the publication history a clone inherited from the template to `moment`: for the
    new school, its sections went live when it was created, not when the template was built."""
    with connection.cursor() as cursor:
        cursor.execute("UPDATE wagtailcore_pagelogentry SET timestamp = %s", [moment])
        cursor.execute("UPDATE wagtailcore_revision SET created_at = %s", [moment])
        cursor.execute(
            "UPDATE wagtailcore_page SET first_published_at = %s, last_published_at = %s, "
            "latest_revision_created_at = %s WHERE live",
            [moment, moment, moment],
        )


def template_fingerprint() -> str:
    """What a clone of the template is a clone of: its migrations and its section tree."""
    return f"{migration_fingerprint(template_schema_name())[:24]}-t{SECTION_TREE_VERSION}"


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
