"""Sharing an article or an album: plain links, the copy field, and Open Graph tags."""

import re
from urllib.parse import quote

import pytest
from django_tenants.utils import schema_context
from wagtail.images import get_image_model

from sitepages import models as m
from sitepages.share import FACEBOOK_SHARE, ZALO_SHARE
from tests.sitepages.conftest import png_file
from tests.sitepages.helpers import publish_child

pytestmark = pytest.mark.django_db


def _image(name, size=(1600, 1200), alt="Học sinh chào cờ"):
    image = get_image_model()(title=name, description=alt)
    image.file = png_file(name, size=size)
    image.save()
    return image


def _meta(html: str) -> dict[str, str]:
    return dict(re.findall(r'<meta (?:property|name)="([^"]+)" content="([^"]*)">', html))


def test_an_article_shares_its_first_photo_as_a_1200x630_open_graph_image(
    client, school, host, media_root
):
    with schema_context(school.schema_name):
        article = publish_child(
            m.NewsIndexPage.objects.get(),
            m.NewsPage(
                title="Lễ khai giảng",
                summary="Toàn trường dự lễ khai giảng.",
                body="<p>Nội dung.</p>",
                image=_image("khai-giang.png"),
            ),
        )
        url = article.url
    html = client.get(url, HTTP_HOST=host).content.decode()
    meta = _meta(html)
    assert meta["og:title"] == "Lễ khai giảng"
    assert meta["og:description"] == "Toàn trường dự lễ khai giảng."
    assert meta["og:url"] == f"http://{host}{url}"
    assert meta["og:type"] == "article"
    assert re.fullmatch(
        rf"http://{re.escape(host)}/media/.+\.fill-1200x630\.format-jpeg\.jpg", meta["og:image"]
    )
    assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
    assert meta["og:image:alt"] == "Học sinh chào cờ"
    assert html.count('property="og:image"') == 1


def test_share_links_are_plain_links_and_the_copy_field_works_without_script(
    client, school, host, media_root
):
    with schema_context(school.schema_name):
        album = publish_child(
            m.NewsIndexPage.objects.get(),
            m.AlbumPage(
                title="Hội khỏe Phù Đổng",
                intro="Học sinh thi đấu.",
                photos=[("photo", {"image": _image("hk.png", alt="Chạy tiếp sức"), "caption": ""})],
            ),
        )
        url = album.url
    html = client.get(url, HTTP_HOST=host).content.decode()
    address = f"http://{host}{url}"
    share = re.search(r'<section class="share no-print".*?</section>', html, re.S).group(0)
    assert f'href="{ZALO_SHARE}{quote(address, safe="")}"' in share
    assert f'href="{FACEBOOK_SHARE}{quote(address, safe="")}"' in share
    assert ZALO_SHARE.startswith("https://sp.zalo.me/")
    assert FACEBOOK_SHARE == "https://www.facebook.com/sharer/sharer.php?u="
    assert re.search(
        rf'<input id="lien-ket" type="url" readonly value="{re.escape(address)}">', share
    )
    assert re.search(r'<button type="button" class="btn" data-copy="lien-ket" hidden>', share)
    # Only our own scripts, none inline.
    scripts = re.findall(r"<script([^>]*)>", html)
    assert scripts and all(re.search(r'src="/static/', attrs) for attrs in scripts), scripts
    meta = _meta(html)
    assert meta["og:image"].endswith(".fill-1200x630.format-jpeg.jpg")
    assert meta["og:description"] == "Học sinh thi đấu."
    assert meta["og:image:alt"] == "Chạy tiếp sức"


def test_an_article_without_photos_shares_the_school_cover(client, school, host, media_root):
    with schema_context(school.schema_name):
        home = m.HomePage.objects.get()
        home.hero_image = _image("cover.png", alt="Cổng trường")
        home.save_revision().publish()
        article = publish_child(
            m.NewsIndexPage.objects.get(), m.NewsPage(title="Thông báo", body="<p>x</p>")
        )
        url = article.url
    meta = _meta(client.get(url, HTTP_HOST=host).content.decode())
    assert meta["og:image"].endswith(".fill-1200x630.format-jpeg.jpg")
    assert meta["og:image:alt"] == "Cổng trường"


def test_shared_links_carry_the_sites_port_from_settings(client, school, host, settings):
    """Behind nginx the Host header has no port: links people copy or share (the copy field,
    Zalo/Facebook, og:url) take scheme and port from settings, as the demo's :8000 needs."""
    settings.SITE_URL_PORT = "8000"
    with schema_context(school.schema_name):
        article = publish_child(
            m.NewsIndexPage.objects.get(),
            m.NewsPage(title="Lễ khai giảng", body="<p>Nội dung.</p>"),
        )
        path = article.url
    html = client.get(path, HTTP_HOST=host).content.decode()
    expected = f"http://{host}:8000{path}"
    assert _meta(html)["og:url"] == expected
    assert quote(expected, safe="") in html  # inside the Zalo and Facebook links
    assert f'value="{expected}"' in html  # the copy field
