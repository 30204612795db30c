"""The demo's content carries photos (albums, a cover, a news item): its uploads go to a
temporary MEDIA_ROOT, never into the developer's demo media under var/media/."""

import pytest

from tests.sitepages.conftest import media_root  # noqa: F401 — the shared fixture


@pytest.fixture(autouse=True)
def _demo_uploads_elsewhere(media_root):  # noqa: F811
    return media_root
