"""The news list in parents' words, and an article: date, photos, attachments, related news."""

import datetime as dt
import re

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from django_tenants.utils import schema_context
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from sitepages import models as m
from sitepages.news_listing import news_related
from tests.sitepages.conftest import png_file
from tests.sitepages.helpers import publish_child

pytestmark = pytest.mark.django_db


def _image(name, colour=(30, 90, 160)):
    image = get_image_model()(title=name, description=f"Ảnh {name}")
    image.file = png_file(name, size=(1200, 800), colour=colour)
    image.save()
    return image


def _news(index, title, kind="ordinary", **fields):
    if kind == "urgent":
        fields.setdefault("received_at", timezone.now() - dt.timedelta(hours=1))
    return publish_child(
        index, m.NewsPage(title=title, kind=kind, body="<p>Nội dung.</p>", **fields)
    )


def _section(school):
    """Two notices, three activity items, two albums (published in that order)."""
    news = m.NewsIndexPage.objects.get()
    made = {
        "notice-1": _news(news, "Thông báo nghỉ học 1", "urgent"),
        "activity-1": _news(news, "Hội thi văn nghệ", "ordinary"),
        "album-1": publish_child(news, m.AlbumPage(title="Album khai giảng")),
        "activity-2": _news(news, "Trồng cây đầu xuân", "topical"),
        "notice-2": _news(news, "Thông báo nghỉ học 2", "urgent"),
        "activity-3": _news(news, "Ngày hội đọc sách", "ordinary"),
        "album-2": publish_child(news, m.AlbumPage(title="Album hội khỏe")),
    }
    return news, made


def _titles(html: str) -> list[str]:
    listing = re.search(r'<ul class="list news-list">(.*?)</ul>', html, re.S).group(1)
    return re.findall(r'<a href="[^"]+">([^<]+)</a>', listing)


def test_filters_in_parents_words_are_plain_links(client, school, host, media_root):
    with schema_context(school.schema_name):
        news, _ = _section(school)
        url = news.url
    html = client.get(url, HTTP_HOST=host).content.decode()
    nav = re.search(r'<nav aria-label="Lọc theo loại tin">(.*?)</nav>', html, re.S).group(1)
    assert re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', nav) == [
        ("?", "Tất cả"),
        ("?loai=thong-bao", "Thông báo"),
        ("?loai=hoat-dong", "Tin hoạt động"),
        ("?loai=album", "Album ảnh"),
    ]
    assert 'href="?" aria-current="true"' in nav
    assert _titles(html) == [
        "Album hội khỏe", "Ngày hội đọc sách", "Thông báo nghỉ học 2", "Trồng cây đầu xuân",
        "Album khai giảng", "Hội thi văn nghệ", "Thông báo nghỉ học 1",
    ]  # fmt: skip
    notices = client.get(url + "?loai=thong-bao", HTTP_HOST=host).content.decode()
    assert _titles(notices) == ["Thông báo nghỉ học 2", "Thông báo nghỉ học 1"]
    assert 'href="?loai=thong-bao" aria-current="true"' in notices
    activities = client.get(url + "?loai=hoat-dong", HTTP_HOST=host).content.decode()
    assert _titles(activities) == ["Ngày hội đọc sách", "Trồng cây đầu xuân", "Hội thi văn nghệ"]
    albums = client.get(url + "?loai=album", HTTP_HOST=host).content.decode()
    assert _titles(albums) == ["Album hội khỏe", "Album khai giảng"]
    assert "Album ảnh</span>" in albums  # each album is labelled as one
    legacy = client.get(url + "?loai=urgent", HTTP_HOST=host).content.decode()
    assert _titles(legacy) == ["Thông báo nghỉ học 2", "Thông báo nghỉ học 1"]
    unknown = client.get(url + "?loai=%3Cscript%3E", HTTP_HOST=host)
    assert unknown.status_code == 200 and len(_titles(unknown.content.decode())) == 7


def test_the_filter_is_kept_across_pages(client, school, host, settings):
    with schema_context(school.schema_name):
        news = m.NewsIndexPage.objects.get()
        for number in range(14):
            _news(news, f"Tin hoạt động {number:02d}")
        _news(news, "Thông báo", "urgent")
        url = news.url
    first = client.get(url + "?loai=hoat-dong", HTTP_HOST=host).content.decode()
    assert len(_titles(first)) == 12 and "Thông báo" not in _titles(first)
    assert 'href="?loai=hoat-dong&amp;trang=2"' in first
    second = client.get(url + "?loai=hoat-dong&trang=2", HTTP_HOST=host).content.decode()
    assert _titles(second) == ["Tin hoạt động 01", "Tin hoạt động 00"]


def test_an_article_shows_its_date_photos_files_and_related_news(client, school, host, media_root):
    with schema_context(school.schema_name):
        news, made = _section(school)
        document = get_document_model()(title="Kế hoạch hội thi")
        document.file.save("ke-hoach.pdf", ContentFile(b"%PDF-1.4\n" + b"0" * 245_000), save=False)
        document.save()
        document.get_file_size()
        photos = [_image(f"{n}.png", colour=(60 * n, 90, 10)) for n in range(3)]
        article = _news(
            news,
            "Hội thi kể chuyện",
            image=photos[0],
            gallery=[("photo", image) for image in photos],
            attachments=[("file", {"document": document, "label": ""})],
        )
        published = timezone.localtime(article.first_published_at).strftime("%d/%m/%Y")
        url = article.url
    html = client.get(url, HTTP_HOST=host).content.decode()
    assert re.search(rf">{published} \d\d:\d\d</time>", html)  # dd/mm/yyyy HH:MM, local
    assert re.search(r"Đăng ngày <time datetime=\"\d{4}-\d\d-\d\dT", html)
    # The lead photo once, the two others as a grid of thumbnails; each opens the large photo.
    assert html.count('alt="Ảnh 0.png"') == 1
    assert len(re.findall(r"<picture>", html)) == 2
    assert len(re.findall(r'title="Xem ảnh lớn"', html)) == 3  # the lead photo too
    assert re.search(r"Kế hoạch hội thi</a> <span class=\"muted\">\(PDF, 239[,.]\d\sKB\)", html)
    related = re.search(r'<section class="related"[^>]*>(.*?)</section>', html, re.S).group(1)
    assert "Tin liên quan" in related
    assert re.findall(r'<a href="[^"]+">([^<]+)</a>', related) == [
        "Ngày hội đọc sách",
        "Trồng cây đầu xuân",
        "Hội thi văn nghệ",
    ]


def test_related_items_are_of_the_same_kind_and_never_the_page_itself(school):
    with schema_context(school.schema_name):
        _, made = _section(school)
        assert [p.title for p in news_related(page=made["notice-2"])] == ["Thông báo nghỉ học 1"]
        assert [p.title for p in news_related(page=made["album-1"])] == ["Album hội khỏe"]
        assert [p.title for p in news_related(page=made["activity-3"])] == [
            "Trồng cây đầu xuân",
            "Hội thi văn nghệ",
        ]
        made["activity-2"].unpublish()
        assert [p.title for p in news_related(page=made["activity-3"])] == ["Hội thi văn nghệ"]


def test_an_album_in_the_list_shows_its_cover_as_a_small_thumbnail(
    client, school, host, media_root
):
    with schema_context(school.schema_name):
        news = m.NewsIndexPage.objects.get()
        cover = _image("bia.png")
        publish_child(
            news,
            m.AlbumPage(title="Album có ảnh", photos=[("photo", {"image": cover, "caption": ""})]),
        )
        publish_child(news, m.AlbumPage(title="Album trống"))
        url = news.url
    html = client.get(url + "?loai=album", HTTP_HOST=host).content.decode()
    thumbs = re.findall(r'<span class="thumb">(.*?)</span>', html, re.S)
    assert len(thumbs) == 1  # the empty album has none
    assert 'alt=""' in thumbs[0] and 'loading="lazy"' in thumbs[0] and 'sizes="6rem"' in thumbs[0]
    assert "fill-320x240" in thumbs[0]  # the album grid's own renditions, nothing new to make
    assert _titles(html) == ["Album trống", "Album có ảnh"]


def test_news_titled_as_a_notice_is_listed_with_the_notices(client, school, host):
    with schema_context(school.schema_name):
        news = m.NewsIndexPage.objects.get()
        _news(news, "Hội thi văn nghệ")
        notice = _news(news, "Thông báo lịch họp phụ huynh đầu năm")  # ordinary, titled so
        _news(news, "Nghỉ học do bão", "urgent")
        lower = _news(news, "thông báo tuyển sinh lớp 6")
        url = news.url
        assert [p.title for p in news_related(page=notice)] == [
            "thông báo tuyển sinh lớp 6",
            "Nghỉ học do bão",
        ]
        assert news_related(page=lower)[0].title == "Nghỉ học do bão"
    notices = client.get(url + "?loai=thong-bao", HTTP_HOST=host).content.decode()
    assert _titles(notices) == [
        "thông báo tuyển sinh lớp 6",
        "Nghỉ học do bão",
        "Thông báo lịch họp phụ huynh đầu năm",
    ]
    activities = client.get(url + "?loai=hoat-dong", HTTP_HOST=host).content.decode()
    assert _titles(activities) == ["Hội thi văn nghệ"]
