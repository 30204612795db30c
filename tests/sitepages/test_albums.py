"""Photo albums: where they live, the page parents see, phone photos, uploads, compliance."""

import io
import re

import pytest
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django_tenants.utils import schema_context
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.test.utils.form_data import nested_form_data, streamfield

from sitepages import images
from sitepages import models as m
from tests.sitepages.conftest import png_file
from tests.sitepages.helpers import publish_child

pytestmark = pytest.mark.django_db


def _image(name="anh.png", *, size=(1600, 1200), colour=(30, 90, 160), alt="Học sinh chào cờ"):
    image = get_image_model()(title=name, description=alt)
    image.file = png_file(name, size=size, colour=colour)
    image.save()
    return image


def _album(parent, photos, title="Lễ khai giảng"):
    blocks = [("photo", {"image": image, "caption": caption}) for image, caption in photos]
    return publish_child(parent, m.AlbumPage(title=title, intro="Những hình ảnh.", photos=blocks))


def test_albums_live_under_the_news_and_content_pages_only(school):
    with schema_context(school.schema_name):
        news = m.NewsIndexPage.objects.get()
        home = m.HomePage.objects.get()
        assert m.AlbumPage.can_create_at(news)
        standard = publish_child(home, m.StandardPage(title="Hoạt động"))
        assert m.AlbumPage.can_create_at(standard)
        assert not m.AlbumPage.can_create_at(home)
        assert not m.AlbumPage.can_create_at(m.PlanIndexPage.objects.get())


def test_an_album_is_no_compliance_evidence():
    from compliance.evidence_reader import evidence_specs

    specs = evidence_specs()
    assert "NewsPage" in specs and "AlbumPage" not in specs


def test_the_album_page_is_a_grid_of_responsive_lazy_photos(client, school, host, media_root):
    with schema_context(school.schema_name):
        photos = [
            (_image(f"{n}.png", colour=(40 * n, 90, 120), alt=f"Ảnh số {n}"), caption)
            for n, caption in ((1, "Chào cờ đầu buổi lễ"), (2, ""), (3, "Văn nghệ chào mừng"))
        ]
        album = _album(m.NewsIndexPage.objects.get(), photos)
        url = album.url
    html = client.get(url, HTTP_HOST=host).content.decode()
    pictures = re.findall(r"<picture>.*?</picture>", html, re.S)
    assert len(pictures) == 3
    expected = ["image/webp"] if not images.avif_supported() else ["image/avif", "image/webp"]
    for picture in pictures:
        assert re.findall(r'type="(image/[a-z]+)"', picture) == expected
        img = re.search(r"<img [^>]*>", picture).group(0)
        assert 'width="320"' in img and 'height="240"' in img and ".jpg" in img
        assert re.search(r'srcset="[^"]*320w[^"]*640w', img)
    assert "fetchpriority" in pictures[0] and 'loading="lazy"' not in pictures[0]
    assert all('loading="lazy"' in p and "fetchpriority" not in p for p in pictures[1:])
    assert 'alt="Ảnh số 1"' in pictures[0]
    assert re.findall(r"<figcaption>(.*?)</figcaption>", html) == [
        "Chào cờ đầu buổi lễ",
        "Văn nghệ chào mừng",
    ]
    # Tapping a photo opens its large JPEG (at most 1,600 px, not the upload itself).
    links = re.findall(r'<a href="([^"]+)" title="Xem ảnh lớn">', html)
    assert len(links) == 3 and all(".max-1600x1600.format-jpeg" in link for link in links)
    assert "3 ảnh" in html


def test_avif_is_offered_when_pillow_writes_it():
    """This machine's Pillow (13, with libavif) writes AVIF; the check must say so."""
    assert images.avif_supported() is True
    assert images.photo_formats() == ("avif", "webp", "jpeg")


def _rotated_phone_photo() -> ImageFile:
    """A JPEG stored 1200×800 (landscape) whose EXIF says "rotate 90° clockwise" (orientation 6),
    as a phone held upright writes it: it shows as an 800×1200 portrait."""
    picture = PILImage.new("RGB", (1200, 800), (200, 30, 30))
    picture.paste((20, 20, 200), (0, 0, 600, 800))  # left half blue, right half red
    exif = PILImage.Exif()
    exif[0x0112] = 6
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", exif=exif.tobytes())
    buffer.seek(0)
    return ImageFile(buffer, name="dien-thoai.jpg")


def test_a_phone_photo_with_exif_orientation_shows_upright(school, media_root):
    with schema_context(school.schema_name):
        image = get_image_model()(title="Ảnh điện thoại", description="Ảnh chụp dọc")
        image.file = _rotated_phone_photo()
        image.save()
        large = image.get_rendition(images.LARGE_SPEC)
        assert (large.width, large.height) == (800, 1200)
        thumb = image.get_rendition("width-400")
        assert (thumb.width, thumb.height) == (400, 600)
        with large.file.open("rb") as file, PILImage.open(file) as opened:
            pixels = opened.convert("RGB")
        # Turned clockwise, the stored left (blue) half is now the top half.
        top, bottom = pixels.getpixel((400, 100)), pixels.getpixel((400, 1100))
        assert top[2] > 150 and top[0] < 80, top
        assert bottom[0] > 150 and bottom[2] < 80, bottom


def test_a_photo_over_the_size_limit_is_refused_in_vietnamese(
    settings, client, school, school_admin, host, media_root
):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 2_000
    big = SimpleUploadedFile("lon.jpg", _noisy_jpeg(), content_type="image/jpeg")
    response = client.post(
        "/admin/images/add/",
        {"title": "Ảnh lớn", "description": "Sân trường", "file": big},
        HTTP_HOST=host,
    )
    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert len(errors) == 1 and errors[0].startswith("Ảnh nặng ")
    assert re.search(r"vượt quá giới hạn 2[,.]0\sKB cho mỗi ảnh", errors[0]), errors[0]
    assert "thu nhỏ ảnh" in errors[0]
    # The library's multiple upload checks the size in the browser with the same words.
    page = client.get("/admin/images/multiple/add/", HTTP_HOST=host).content.decode()
    assert "Ảnh vượt quá giới hạn 2" in page
    # The album's own "add photos" field says the same.
    with schema_context(school.schema_name):
        news = m.NewsIndexPage.objects.get().pk
    data = nested_form_data(
        {
            "title": "Hội khỏe Phù Đổng",
            "slug": "hoi-khoe",
            "event_date": "20/11/2026",
            "intro": "",
            "photos": streamfield([]),
            "uploads_alt": "Học sinh thi chạy",
        }
    )
    data["uploads"] = [SimpleUploadedFile("lon.jpg", _noisy_jpeg(), content_type="image/jpeg")]
    response = client.post(f"/admin/pages/add/sitepages/albumpage/{news}/", data, HTTP_HOST=host)
    assert response.status_code == 200
    assert "Ảnh nặng " in response.content.decode()
    with schema_context(school.schema_name):
        assert not get_image_model().objects.exists()
        assert not m.AlbumPage.objects.exists()


def _noisy_jpeg() -> bytes:
    picture = PILImage.effect_noise((300, 300), 80).convert("RGB")
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=95)
    return buffer.getvalue()


def test_photos_uploaded_at_once_join_the_album_in_order(
    client, school, school_admin, host, media_root
):
    with schema_context(school.schema_name):
        news = m.NewsIndexPage.objects.get().pk
    data = nested_form_data(
        {
            "title": "Hội khỏe Phù Đổng",
            "slug": "hoi-khoe",
            "event_date": "20/11/2026",
            "intro": "Các môn thi đấu.",
            "photos": streamfield([]),
            "uploads_alt": "Học sinh thi chạy",
            "action-publish": "action-publish",
        }
    )

    def upload(name, colour):
        image = png_file(name, size=(320, 200), colour=colour)
        return SimpleUploadedFile(name, image.read(), content_type="image/png")

    data["uploads"] = [upload(f"{n}.png", (n * 60, 90, 10)) for n in range(3)]
    response = client.post(f"/admin/pages/add/sitepages/albumpage/{news}/", data, HTTP_HOST=host)
    assert response.status_code == 302, response.content.decode()[:2000]
    with schema_context(school.schema_name):
        album = m.AlbumPage.objects.get()
        assert album.live
        assert [block.value["image"].description for block in album.photos] == [
            f"Học sinh thi chạy ({n}/3)" for n in (1, 2, 3)
        ]
        assert album.cover == album.photos[0].value["image"]
        assert album.photo_count == 3


def test_publishing_an_album_prepares_its_renditions_after_the_commit(
    school, media_root, django_capture_on_commit_callbacks
):
    """The task is sent (to the tests' real broker) after the commit; run here, it makes every
    rendition the page shows, so the album page makes none on its first view."""
    from sitepages import tasks

    with schema_context(school.schema_name):
        photos = [(_image(f"{n}.png", colour=(50 * n, 90, 120)), "") for n in (1, 2)]
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            album = _album(m.NewsIndexPage.objects.get(), photos)
        assert [c for c in callbacks if "on_photos_published" in c.__qualname__]
        renditions = get_image_model().get_rendition_model().objects
        assert not renditions.exists()
        assert tasks.prepare_photo_renditions(school.schema_name, album.pk) == 2
        per_photo = len(images.thumbnail_specs()) + 1  # thumbnails in each format + large
        assert renditions.count() == 2 * per_photo + 1  # + the share image
        assert tasks.prepare_photo_renditions(school.schema_name, album.pk) == 2
        assert renditions.count() == 2 * per_photo + 1  # idempotent
    assert tasks.prepare_photo_renditions("no_such_school", album.pk) == 0
