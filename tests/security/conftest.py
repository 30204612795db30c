"""The security tests reuse the school-site fixtures: one school per module, its host, its
superuser logged in on the test client, a temporary MEDIA_ROOT, a fresh cache key prefix."""

from tests.sitepages.conftest import (  # noqa: F401 — `host` and `school_admin` are tests/conftest.py's
    _fresh_cache_keys,
    _module_school,
    in_school,
    media_root,
    school,
)
