"""The portal's school filter finds a school however its name is typed."""

import html
import re
import unicodedata

import pytest

from tests.crafting import crafted_school

pytestmark = pytest.mark.django_db


def _rows(text: str) -> list[str]:
    return [
        html.unescape(m)
        for m in re.findall(r'<th scope="row"><a href="/truong/[^"]+/">([^<]+)</a>', text)
    ]


def test_school_filter_ignores_tone_marks_d_case_forms_and_tone_placement(
    portal_client, authority, frozen_now
):
    crafted_school(authority=authority, name="THCS Hòa Bình")
    crafted_school(authority=authority, name="TH Đống Đa")
    crafted_school(authority=authority, name="MN Khoá Sơn")
    client = portal_client(authority)
    for query in ("hoa binh", "HOÀ BÌNH", unicodedata.normalize("NFD", "Hòa Bình"), "hòa"):
        assert _rows(client.get("/", {"q": query}).text) == ["THCS Hòa Bình"], query
    for query in ("dong da", "đống đa", "Dong Đa"):
        assert _rows(client.get("/", {"q": query}).text) == ["TH Đống Đa"], query
    assert _rows(client.get("/", {"q": "khóa sơn"}).text) == ["MN Khoá Sơn"]
