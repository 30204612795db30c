"""Slugs made by the server keep every letter, as readable ASCII (the admin's JavaScript gives
the same: test_slug_admin.py)."""

import re
import unicodedata

import pytest
from django_tenants.utils import schema_context

from sitepages import models as m
from sitepages.slugs import ascii_slug
from tests.sitepages.helpers import publish_child

TITLE = "Hội thi văn nghệ chào mừng 20/11"
SLUG = "hoi-thi-van-nghe-chao-mung-20-11"
# Every Vietnamese vowel with every tone, đ/Đ, decomposed text, separators, punctuation.
TITLES = [
    TITLE,
    "Kế hoạch tháng 11/2026",
    "ĐỔNG ĐA: Lễ tuyên dương học sinh giỏi",
    "Nghỉ học do bão – thông báo khẩn!",
    "Thời khóa biểu (HK II) áp dụng từ 05.01.2027",
    "à á ả ã ạ ă ằ ắ ẳ ẵ ặ â ầ ấ ẩ ẫ ậ è é ẻ ẽ ẹ ê ề ế ể ễ ệ",
    "ì í ỉ ĩ ị ò ó ỏ õ ọ ô ồ ố ổ ỗ ộ ơ ờ ớ ở ỡ ợ",
    "ù ú ủ ũ ụ ư ừ ứ ử ữ ự ỳ ý ỷ ỹ ỵ đ Đ",
    "Trường Hòa Bình – Thủy Khoá",
    unicodedata.normalize("NFD", "Hướng dẫn tuyển sinh lớp 6 năm học 2026–2027"),
    "  – Chào mừng ngày Nhà giáo Việt Nam  ",
    "Café & crème brûlée, Straße",
    "Đại hội",
    "Thời khóa biểu",
    "Ngữ văn",
    "Tuần 13 (30/11 – 06/12/2026)",
]


def test_server_slugs_keep_every_letter():
    assert ascii_slug(TITLE) == SLUG
    assert ascii_slug("ĐỔNG ĐA: Lễ tuyên dương") == "dong-da-le-tuyen-duong"
    assert ascii_slug("ự ữ ử ừ ứ ộ ệ") == "u-u-u-u-u-o-e"


@pytest.mark.django_db
def test_a_page_created_in_code_gets_the_same_slug(school):
    with schema_context(school.schema_name):
        page = publish_child(
            m.NewsIndexPage.objects.get(), m.NewsPage(title=TITLE, body="<p>Nội dung</p>")
        )
        assert page.slug == SLUG


def test_every_title_gives_a_readable_ascii_slug_whatever_its_form():
    for title in TITLES:
        slug = ascii_slug(title)
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug), (title, slug)
        assert slug == ascii_slug(unicodedata.normalize("NFD", title))
        assert slug == ascii_slug(unicodedata.normalize("NFC", title))


def test_the_sample_titles_give_the_slugs_people_read():
    assert ascii_slug("Đại hội") == "dai-hoi"
    assert ascii_slug("Thời khóa biểu") == "thoi-khoa-bieu"
    assert ascii_slug("Ngữ văn") == "ngu-van"
    assert ascii_slug("Tuần 13 (30/11 – 06/12/2026)") == "tuan-13-30-11-06-12-2026"
