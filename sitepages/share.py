"""Sharing a news item or an album: plain links to Zalo and Facebook, and the image other
sites show for it (Open Graph).

No third-party script is loaded: each share button is an ordinary link that opens the
service's own share page with the page's address, and "Sao chép liên kết" is the address in a
read-only field that a small script of ours (`static/sitepages/js/share.js`, allowed by the
CSP's `script-src 'self'`) turns into a copy button.

The share image is a 1,200×630 JPEG rendition (what Facebook and Zalo show uncropped) of the
page's first photo, else of the school's cover photo (the home page's hero image); without
either the page keeps the site-wide image (the school's logo).
"""

from dataclasses import dataclass
from urllib.parse import quote

from sitepages.images import SHARE_SPEC, rendition_or_none

# Zalo's share page for a link (the address Zalo's own share button opens, without its SDK).
ZALO_SHARE = "https://sp.zalo.me/share_to?url="
FACEBOOK_SHARE = "https://www.facebook.com/sharer/sharer.php?u="


@dataclass(frozen=True)
class ShareLink:
    label: str
    href: str
    service: str


def share_links(url: str) -> list[ShareLink]:
    """The share links for the absolute `url` (http/https), its address percent-encoded."""
    encoded = quote(url, safe="")
    return [
        ShareLink("Zalo", ZALO_SHARE + encoded, "zalo"),
        ShareLink("Facebook", FACEBOOK_SHARE + encoded, "facebook"),
    ]


def share_photo(page):
    """The image a shared `page` shows: its first photo, else the school's cover, else None."""
    for name in ("cover", "image"):
        image = getattr(page, name, None)
        if image is not None:
            return image
    for block in getattr(page, "gallery", None) or []:
        if block.value is not None:
            return block.value
    site = page.get_site()
    home = site.root_page.specific if site else None
    return getattr(home, "hero_image", None)


def share_rendition(page):
    """The 1,200×630 JPEG rendition of `share_photo(page)`, or None."""
    return rendition_or_none(share_photo(page), SHARE_SPEC)
