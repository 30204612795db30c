"""The admin's browser tab names what it is in Vietnamese, not "… - Wagtail"."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_the_admin_tab_title_is_vietnamese(client, school, host, school_admin):
    html = client.get("/admin/", HTTP_HOST=host).content.decode()
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert title.strip().endswith("Quản trị website trường") and "Wagtail" not in title


def test_yes_no_cells_read_in_words_not_python(client, school, host, school_admin):
    """The users list's "active" column: a screen reader hears "Có", never "True"."""
    html = client.get("/admin/users/", HTTP_HOST=host).content.decode()
    spoken = [
        " ".join(text.split())
        for text in re.findall(r'<span class="w-sr-only">(.*?)</span>', html, re.S)
    ]
    assert "True" not in spoken and "False" not in spoken
    assert "Có" in spoken
