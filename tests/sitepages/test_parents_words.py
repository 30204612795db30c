"""The words every parents' page carries (header, menu, search, breadcrumbs, dates, footer) go
through gettext: Vietnamese by default, English when English is the active language.

The parents' site is served in Vietnamese (the English page `/en/` marks this chrome lang="vi");
the msgids are the Vietnamese words (sitepages/locale/en has the English).
"""

import pytest
from django.utils import translation
from django_tenants.utils import schema_context

from sitepages import models as m
from tests.sitepages.helpers import publish_child

CHROME_VI = [
    "Bỏ qua, đến nội dung chính",
    "Danh mục",
    "Trang chủ",
    "Tìm kiếm trên trang",
    "Đăng ngày",
    "Tệp đính kèm",
    "Sơ đồ trang",
]
CHROME_EN = [
    "Skip to the main content",
    "Menu",
    "Home",
    "Search this site",
    "Published on",
    "Attachments",
    "Site map",
]


@pytest.fixture
def news_url(school):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    with schema_context(school.schema_name):
        document = get_document_model()(title="Kế hoạch hội thi")
        document.file.save("ke-hoach.pdf", ContentFile(b"%PDF-1.4 ke hoach"), save=True)
        page = publish_child(
            m.NewsIndexPage.objects.get(),
            m.NewsPage(
                title="Hội thi văn nghệ chào mừng 20/11",
                body="<p>Các lớp đăng ký tiết mục.</p>",
                attachments=[("file", {"document": document, "label": "Kế hoạch"})],
            ),
        )
        return page.url


@pytest.mark.django_db
def test_a_parents_page_in_vietnamese_and_in_english(client, host, news_url):
    vietnamese = client.get(news_url, HTTP_HOST=host).content.decode()
    for words in CHROME_VI:
        assert words in vietnamese, words
    for words in CHROME_EN:
        assert f">{words}<" not in vietnamese and f'"{words}"' not in vietnamese, words
    with translation.override("en"):
        english = client.get(news_url, HTTP_HOST=host).content.decode()
    for words in CHROME_EN:
        assert words in english, words
    for words in ["Bỏ qua, đến nội dung chính", "Tìm kiếm trên trang", "Đăng ngày", "Sơ đồ trang"]:
        assert words not in english, words


# What each page type says in English (template words, not content the school typed).
PAGE_WORDS_EN = {
    "home": ["Latest news", "See all news"],
    "DocumentIndexPage": ["Search documents", "Year of issue"],
    "ContactPage": ["Address:", "Staff and units"],
    "OrganisationPage": ["School leadership"],
    "WorkSchedulePage": ["Chaired by", "Participants"],
    "search": ["Keywords", "Results for"],
}
PAGE_WORDS_VI = {"home": "Tin mới", "DocumentIndexPage": "Tìm văn bản", "search": "Từ khóa"}


@pytest.mark.django_db
def test_every_page_type_reads_its_words_in_vietnamese_and_in_english(client, school, host):
    from tests.sitepages.rich_site import rich_site_build

    with schema_context(school.schema_name):
        urls = rich_site_build()
    english_words = {words for words in CHROME_EN} | {
        words for listed in PAGE_WORDS_EN.values() for words in listed
    }
    for name, url in urls.items():
        if name == "english":  # the English page is English by design
            continue
        vietnamese = client.get(url, HTTP_HOST=host)
        assert vietnamese.status_code == 200, name
        text = vietnamese.content.decode()
        assert "Bỏ qua, đến nội dung chính" in text, name
        assert PAGE_WORDS_VI.get(name, "") in text, name
        for words in english_words:
            assert f">{words}<" not in text, (name, words)
        with translation.override("en"):
            english = client.get(url, HTTP_HOST=host).content.decode()
        assert "Skip to the main content" in english, name
        for words in PAGE_WORDS_EN.get(name, []):
            assert words in english, (name, words)


@pytest.mark.django_db
def test_the_schools_not_found_page_in_vietnamese_and_in_english(client, host):
    vietnamese = client.get("/khong-co-trang-nay/", HTTP_HOST=host)
    assert vietnamese.status_code == 404
    assert "Tìm trên trang của trường" in vietnamese.content.decode()
    assert "Mã lỗi 404" in vietnamese.content.decode()
    with translation.override("en"):
        english = client.get("/khong-co-trang-nay/", HTTP_HOST=host).content.decode()
    assert "Search the school's site" in english and "Error code 404" in english
