"""The admin's help menu leads school staff to a Vietnamese guide to their weekly routine, not
to Wagtail's English guide and release notes (the trial's "Hướng dẫn biên tập" link)."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_help_menu_opens_the_vietnamese_guide(client, school, host, school_admin):
    home = client.get("/admin/", HTTP_HOST=host).content.decode()
    assert "/admin/huong-dan/" in home
    assert "guide.wagtail.org" not in home
    guide = client.get("/admin/huong-dan/", HTTP_HOST=host)
    assert guide.status_code == 200
    text = guide.content.decode()
    assert "Việc mỗi tuần" in text and "hoi-thi-van-nghe-chao-mung-20-11" in text
