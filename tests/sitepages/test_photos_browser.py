"""Albums, the filtered news list and a full article in chromium, on a phone and a desktop.

Each page: nothing wider than the viewport (document.documentElement.scrollWidth ≤ the
viewport's width, and no element sticking out), axe-core finds no serious or critical
violation, ≤ 100 KB before images, every image sized. On the album the browser takes the best
format offered (AVIF here), loads the first photo eagerly and leaves the others lazy.
"""

import uuid

import pytest
from django.core.files.base import ContentFile
from django_tenants.utils import schema_context
from playwright.sync_api import expect
from wagtail.documents import get_document_model

from demo.content import demo_content_create
from demo.photos import demo_photo
from sitepages import models as m
from sitepages.images import photo_formats
from tests.sitepages.browsing import WeightMeter, axe_serious, overflowing, unsized_images
from tests.sitepages.helpers import publish_child, school_base_url
from tests.sitepages.test_browser import browser  # noqa: F401 — the shared chromium fixture

pytestmark = [pytest.mark.browser]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
MAX_BYTES = 100_000
# The page's bytes before images by the browser's own count (Resource Timing): the response
# listener can miss a body Chrome has already dropped while an album's photos stream in.
WEIGHT_JS = """() => {
  let total = performance.getEntriesByType('navigation')[0].decodedBodySize;
  for (const entry of performance.getEntriesByType('resource')) {
    if (entry.initiatorType === 'img' || /\\.(avif|webp|jpe?g|png|gif)$/.test(entry.name)) continue;
    total += entry.decodedBodySize;
  }
  return total;
}"""
LONG_TITLE = (
    "Hội thi kể chuyện theo sách cấp trường dành cho học sinh khối 6 và khối 7 với chủ đề "
    "Tự hào truyền thống quê hương"
)


def _photo_site() -> dict[str, str]:
    """The demo content (two albums) plus an article with a lead photo, a gallery of six and
    a PDF; returns {name: url}."""
    demo_content_create(levels=["lower_secondary"])
    news = m.NewsIndexPage.objects.get()
    document = get_document_model()(title="Kế hoạch tổ chức hội thi kể chuyện theo sách năm học")
    document.file.save("ke-hoach.pdf", ContentFile(b"%PDF-1.4\n" + b"0" * 245_000), save=False)
    document.save()
    document.get_file_size()
    photos = [
        demo_photo(seed=f"bai-{n}", title=f"Hội thi {n}", alt=f"Học sinh kể chuyện {n}")
        for n in range(7)
    ]
    article = publish_child(
        news,
        m.NewsPage(
            title=LONG_TITLE,
            summary="Hai mươi học sinh tham gia vòng chung kết.",
            body="<p>Sáng nay, nhà trường tổ chức hội thi kể chuyện theo sách.</p>",
            image=photos[0],
            gallery=[("photo", image) for image in photos],
            attachments=[("file", {"document": document, "label": ""})],
        ),
    )
    album = m.AlbumPage.objects.order_by("first_published_at").first()  # 4 photos
    return {
        "album": album.url,
        "article": article.url,
        "news": news.url,
        "news-albums": news.url + "?loai=album",
        "news-notices": news.url + "?loai=thong-bao",
    }


@pytest.fixture
def photo_school(committed_schools, media_root):
    tag = uuid.uuid4().hex[:8]
    school = committed_schools(name=f"THCS Ảnh {tag}", domain=f"anh-{tag}.localhost")
    with schema_context(school.schema_name):
        urls = _photo_site()
    return school, urls


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_photo_pages_fit_weigh_little_and_pass_axe(browser, live_server, photo_school, viewport):  # noqa: F811
    school, urls = photo_school
    base = school_base_url(school, live_server)
    page = browser.new_page(viewport=viewport, locale="vi-VN")
    meter = WeightMeter(page)
    problems, weights = {}, {}
    for name, url in urls.items():
        meter.reset()
        response = page.goto(base + url, wait_until="load")
        found = [] if response.status == 200 else [f"status {response.status}"]
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > viewport["width"]:
            found.append(f"scrollWidth {width}")
        found += overflowing(page)
        weight = max(meter.bytes, page.evaluate(WEIGHT_JS))
        weights[name] = weight
        if weight > MAX_BYTES:
            found.append(f"{weight} bytes")
        found += [f"unsized image {src}" for src in unsized_images(page)]
        found += axe_serious(page)
        if found:
            problems[name] = found
    page.close()
    print(f"page weight before images at {viewport['width']} px: {weights}")
    assert problems == {}


def test_the_album_loads_the_best_format_lazily(browser, live_server, photo_school):  # noqa: F811
    school, urls = photo_school
    page = browser.new_page(viewport=PHONE, locale="vi-VN")
    loaded = []
    page.on("response", lambda r: loaded.append(r.url) if r.request.resource_type == "image" else 0)
    page.goto(school_base_url(school, live_server) + urls["album"], wait_until="load")
    images = page.locator("main .album img")
    assert images.count() == 4
    best = photo_formats()[0]
    first = images.first.evaluate("img => img.currentSrc")
    assert first.endswith(f".{best}"), first
    assert images.first.get_attribute("loading") is None
    assert images.nth(3).get_attribute("loading") == "lazy"
    # The grid: two columns on a phone, each photo in 4:3.
    box0, box1 = images.nth(0).bounding_box(), images.nth(1).bounding_box()
    assert abs(box0["y"] - box1["y"]) < 1 and box1["x"] > box0["x"] + box0["width"]
    assert abs(box0["width"] / box0["height"] - 4 / 3) < 0.02
    thumbs = [url for url in loaded if "fill-" in url]
    assert thumbs and all(url.endswith(f".{best}") for url in thumbs), thumbs
    # A tap opens the large photo itself (a JPEG, no script).
    images.first.click()
    page.wait_for_load_state("load")
    assert ".max-1600x1600.format-jpeg" in page.url and page.url.endswith(".jpg")
    page.close()


def test_the_copy_button_copies_the_address_without_breaking_the_csp(
    browser,  # noqa: F811
    live_server,
    photo_school,
):
    school, urls = photo_school
    base = school_base_url(school, live_server)
    context = browser.new_context(viewport=PHONE, locale="vi-VN")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
    page = context.new_page()
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.goto(base + urls["article"], wait_until="load")
    button = page.get_by_role("button", name="Sao chép liên kết")
    assert button.is_visible()  # the script showed it
    field = page.locator("#lien-ket")
    assert field.input_value() == base + urls["article"]
    button.click()
    # The copy is asynchronous (the Clipboard API): wait for the script's message.
    expect(page.locator("[data-copied]")).to_have_text("Đã sao chép liên kết.")
    assert page.evaluate("navigator.clipboard.readText()") == base + urls["article"]
    for name in ("Zalo (mở cửa sổ mới)", "Facebook (mở cửa sổ mới)"):
        assert page.get_by_role("link", name=name, exact=True).count() == 1, name
    assert [message for message in console if "Content Security Policy" in message] == []
    context.close()
