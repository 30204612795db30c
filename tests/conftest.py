"""The test suite's shared set-up: one template schema per test database, schools by clone.

Every test that asks for `school` gets a school provisioned through the real service (clone of
the template, ~0.5 s) inside the test's transaction; PostgreSQL rolls the schema back with it.
"""

import pytest

# Imports of project code stay inside the fixtures: test folders that need no Django
# (tests/deploy) can then run with `-p no:django`.


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """After pytest-django has migrated the public schema: build the template once."""
    from tenants.services.template import school_template_ensure

    with django_db_blocker.unblock():
        school_template_ensure()


@pytest.fixture(autouse=True)
def _public_schema_between_tests(request):
    """Each test that uses the database starts and ends in the public schema."""
    if "django_db_setup" not in request.fixturenames:
        yield
        return
    from django.db import connection

    connection.set_schema_to_public()
    yield
    connection.set_schema_to_public()


@pytest.fixture
def authority(db):
    from tests.factories import authority_make

    return authority_make()


@pytest.fixture
def school(authority):
    from tests.factories import school_make

    return school_make(authority=authority)


@pytest.fixture
def committed_schools(transactional_db):
    """Provision schools whose schema is committed (for pg_dump, migrate_schemas…); dropped after.

    pytest-django empties the public tables after a transactional test but knows nothing of
    schemas, so this fixture drops the ones it made.
    """
    from django.db import connection

    from tenants.services.pool import schema_drop
    from tenants.services.template import school_template_ensure
    from tests.factories import authority_make, school_make

    school_template_ensure()
    made = []

    def make(**kwargs):
        school = school_make(authority=kwargs.pop("authority", None) or authority_make(), **kwargs)
        made.append(school.schema_name)
        return school

    yield make
    connection.set_schema_to_public()
    from tenants.models import PooledSchema

    for name in made + list(PooledSchema.objects.values_list("schema_name", flat=True)):
        schema_drop(name)
