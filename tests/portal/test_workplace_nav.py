"""Every page of the workplace (/quan-ly/) shows its sub-menu with its own entry marked, the
monthly reports' list included (templates/portal/manage/base.html)."""

import re

import pytest

import portal.urls
import reminders.urls

pytestmark = pytest.mark.django_db

SUBNAV = re.compile(r'<nav aria-label="Quản lý" class="subnav">(.*?)</nav>', re.S)


def _workplace_paths() -> list[str]:
    """Every /quan-ly/ URL without parameters, from the URLconfs (a new page is covered)."""
    paths = []
    for module in (portal.urls, reminders.urls):
        for pattern in module.urlpatterns:
            route = str(pattern.pattern)
            if route.startswith("quan-ly/") and "<" not in route:
                paths.append("/" + route)
    return paths


def test_every_workplace_page_has_the_sub_menu_with_its_entry_current(portal_client, authority):
    client = portal_client(authority, "admin")
    pages = 0
    for path in _workplace_paths():
        response = client.get(path)
        if response.status_code == 405:  # a POST-only action, not a page
            continue
        assert response.status_code == 200, path
        menus = SUBNAV.findall(response.text)
        assert len(menus) == 1, f"{path}: {len(menus)} sub-menus"
        current = re.findall(r'<a href="([^"]+)" aria-current="page">', menus[0])
        assert current, f"{path}: no entry of the sub-menu is marked current"
        pages += 1
    assert pages >= 8


def test_the_reports_list_marks_its_entry(portal_client, authority):
    response = portal_client(authority, "inspector").get("/quan-ly/bao-cao/")
    menu = SUBNAV.search(response.text).group(1)
    assert '<a href="/quan-ly/bao-cao/" aria-current="page">Báo cáo tháng</a>' in menu
