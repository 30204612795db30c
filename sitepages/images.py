"""Photos as parents' phones download them: which formats this server can write, the
`<picture>` of an album's thumbnail, and the share image of a page.

AVIF is offered only when the installed Pillow writes it (Pillow ≥ 11.3 built with libavif,
as on this machine): a Pillow without it would fail the whole page, so the `<picture>` then
carries WebP and the JPEG fallback only. Renditions are made by Wagtail, which turns a phone
photo upright from its EXIF orientation before resizing (`Filter.run` → `auto_orient`).
"""

import functools
import io

from PIL import Image as PILImage
from wagtail.images.models import Picture, SourceImageIOError

# Thumbnails of an album's grid (4:3, two columns on a phone, four on a desktop) and the
# picture opened by tapping one (JPEG: every in-app browser opens it).
THUMB_SPECS = ("fill-320x240", "fill-640x480")
THUMB_SIZES = "(min-width: 60rem) 14rem, (min-width: 30rem) 45vw, 50vw"
LARGE_SPEC = "max-1600x1600|format-jpeg"
# Open Graph: 1200×630 is the size Facebook and Zalo show without cropping.
SHARE_SPEC = "fill-1200x630|format-jpeg"


@functools.cache
def avif_supported() -> bool:
    """Whether Pillow can encode AVIF here (checked once per process by encoding 8×8 pixels)."""
    try:
        PILImage.new("RGB", (8, 8)).save(io.BytesIO(), format="AVIF")
    except (KeyError, OSError, ValueError):
        return False
    return True


def photo_formats() -> tuple[str, ...]:
    """Formats of a `<picture>`'s sources, best first; the last one is the `<img>` fallback."""
    return ("avif", "webp", "jpeg") if avif_supported() else ("webp", "jpeg")


def thumbnail_picture(
    image, *, first: bool, sizes: str = THUMB_SIZES, decorative: bool = False
) -> str:
    """`<picture>` HTML of an album thumbnail: one `<source>` per format with both widths,
    the JPEG `<img>` with width and height (no layout shift). The first photo of a page is
    its likely largest paint: loaded eagerly with high priority; the others lazily.
    A `decorative` one (beside a link that says the same) has an empty alt text.
    An image whose file is gone renders as "" (the page still shows)."""
    try:
        renditions = image.get_renditions(*thumbnail_specs())
    except SourceImageIOError:
        return ""
    attrs = {"sizes": sizes, "decoding": "async"}
    attrs.update({"fetchpriority": "high"} if first else {"loading": "lazy"})
    if decorative:
        attrs["alt"] = ""
    return Picture(renditions, attrs).__html__()


def thumbnail_specs() -> list[str]:
    """Every rendition a thumbnail's `<picture>` uses (each width in each format)."""
    return [f"{spec}|format-{fmt}" for fmt in photo_formats() for spec in THUMB_SPECS]


def page_photos(page) -> list:
    """The images a news item or an album shows in its photo grid (in order, no repeats)."""
    found = [block.value.get("image") for block in getattr(page, "photos", None) or []]
    found += [block.value for block in getattr(page, "gallery", None) or []]
    return list(dict.fromkeys(image for image in found if image is not None))


def photo_renditions_prepare(page) -> int:
    """Make every rendition `page`'s photos are shown with (thumbnails in each format, the
    large JPEG) and its share image, so that the first parent to open a new album does not
    wait for them: an AVIF of a 12-megapixel phone photo takes about a second to encode.
    Returns how many photos were prepared; a photo whose file is gone is skipped."""
    from sitepages.share import share_photo

    prepared = 0
    for image in page_photos(page):
        try:
            image.get_renditions(*thumbnail_specs(), LARGE_SPEC)
        except SourceImageIOError:
            continue
        prepared += 1
    rendition_or_none(share_photo(page), SHARE_SPEC)
    return prepared


def rendition_or_none(image, spec: str):
    """The rendition of `image` for `spec`, or None when there is no image or its file is gone."""
    if image is None:
        return None
    try:
        return image.get_rendition(spec)
    except SourceImageIOError:
        return None
