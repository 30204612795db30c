"""Fixtures for the school-site tests: pages built through the page API in a school's schema."""

import io
import uuid

import pytest
from django.core.cache import caches
from django.core.files.images import ImageFile
from django.core.files.storage import storages
from django_tenants.utils import schema_context
from PIL import Image as PILImage


@pytest.fixture(autouse=True)
def _fresh_cache_keys():
    """Every test gets its own cache key prefix.

    Schools in tests reuse schema names and ids from one run to the next, and Wagtail caches
    site root paths and renditions under keys built from them: without this, a run would read
    what an earlier run cached (a rendition that is no longer in the database).
    """
    cache = caches["default"]
    original = cache.key_prefix
    cache.key_prefix = f"{original}-{uuid.uuid4().hex[:8]}"
    yield
    cache.key_prefix = original


@pytest.fixture
def media_root(settings, tmp_path):
    """Uploads go to a temporary MEDIA_ROOT (django-tenants' storage caches its root path)."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    storage = storages["default"]
    for name in ("relative_media_root", "base_location", "location"):
        storage.__dict__.pop(name, None)
    yield tmp_path / "media"
    for name in ("relative_media_root", "base_location", "location"):
        storage.__dict__.pop(name, None)


@pytest.fixture(scope="module")
def _module_school(django_db_setup, django_db_blocker):
    """One school per test module, inside a transaction rolled back after the module.

    Cloning a school schema and rolling it back are the slow part of these tests (seconds on a
    busy machine); each test still runs in its own savepoint, so what it writes is undone.
    """
    from django.db import connection, transaction

    from tests.factories import authority_make, school_make

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield school_make(authority=authority_make())
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            connection.set_schema_to_public()


@pytest.fixture
def school(_module_school, db):
    """The module's school (overrides the suite's one-school-per-test fixture)."""
    return _module_school


@pytest.fixture
def in_school(school):
    """A context manager factory: `with in_school(): ...` runs in the school's schema."""
    return lambda: schema_context(school.schema_name)


def png_file(name="anh.png", size=(1600, 900), colour=(30, 90, 160)) -> ImageFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, format="PNG")
    buffer.seek(0)
    return ImageFile(buffer, name=name)
