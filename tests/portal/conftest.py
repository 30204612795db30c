"""Portal fixtures: authority users of each role and a client on the authority's host."""

import pytest
import time_machine

from portal.services import authority_user_create
from tests.portal.crafting import local

PASSWORD = "mat-khau-thu-nghiem-2026"


@pytest.fixture
def frozen_now():
    """20/11/2026 10:00 in Vietnam: November is the current month, October is over."""
    with time_machine.travel(local(2026, 11, 20, 10), tick=False):
        yield local(2026, 11, 20, 10)


@pytest.fixture
def portal_user(db):
    def make(authority, role="admin", email=None):
        email = email or f"{role}-{authority.code}@so-gd.edu.vn"
        return authority_user_create(
            authority=authority, email=email, role=role, password=PASSWORD
        ).user

    return make


@pytest.fixture
def portal_client(client, portal_user):
    """A test client logged in on `authority`'s portal host as a user with `role`."""

    def make(authority, role="admin"):
        user = portal_user(authority, role)
        client.defaults["HTTP_HOST"] = authority.portal_domain
        client.force_login(user)
        return client

    return make
