"""One ASCII slug for a title, whether the admin's JavaScript or the server makes it.

`Hội thi văn nghệ chào mừng 20/11` → `hoi-thi-van-nghe-chao-mung-20-11`: every Vietnamese letter
to its base letter (đ → d, ộ → o, ừ → u), date and other separators to hyphens, nothing dropped.

The transliteration is data (`SLUG_FORMATTERS`, regular expression → replacement pairs written
so that JavaScript's RegExp reads them as Python's `re` does). The admin's slug widget hands them
to Wagtail's `w-slug` controller, which applies them in the browser before its own urlify
(`sitepages/slug_widget.py`); the server (`ascii_slug`: pages created in code, drafts, a form
sent without a slug) applies the same pairs, then anyascii for anything left and Django's
slugify, which do on what remains what urlify does. tests/sitepages/test_slugs.py types titles
in the real admin and compares both.
"""

import re

from anyascii import anyascii
from django.utils.text import slugify

# Base letter → the letters folded to it (lower case; upper case is added below). Vietnamese
# first, then the Latin letters of names that appear in school news (French, German, Slavic).
_BASE_LETTERS = {
    "a": "àáảãạăằắẳẵặâầấẩẫậäåāą",
    "c": "çč",
    "d": "đð",
    "e": "èéẻẽẹêềếểễệëēę",
    "i": "ìíỉĩịîïī",
    "n": "ñň",
    "o": "òóỏõọôồốổỗộơờớởỡợöøō",
    "s": "š",
    "u": "ùúủũụưừứửữựûüūů",
    "y": "ỳýỷỹỵÿ",
    "z": "žż",
}
# Applied in order, in the browser (JavaScript RegExp, flags "gu") and on the server (re).
SLUG_FORMATTERS: list[tuple[str, str]] = [
    # tone and other marks of decomposed text (NFD, pasted from macOS or Word)
    ("[\u0300-\u036f]", ""),
    *((f"[{letters}{letters.upper()}]", base) for base, letters in _BASE_LETTERS.items()),
    # separators at the start go; inside, dates and numbers keep their parts: 20/11 → 20-11
    (r"^[\s/\\.:–—-]+", ""),
    (r"[/\\.:–—]+", "-"),
]
_COMPILED = [(re.compile(pattern), replacement) for pattern, replacement in SLUG_FORMATTERS]
# Wagtail's slug field holds 255 characters; a few are kept for a "-2" among siblings.
SLUG_MAX_LENGTH = 240


def slug_letters(text: str) -> str:
    """`text` with SLUG_FORMATTERS applied (what the browser does before Wagtail's urlify)."""
    for pattern, replacement in _COMPILED:
        text = pattern.sub(replacement, text)
    return text


def ascii_slug(text: str, *, max_length: int = SLUG_MAX_LENGTH) -> str:
    """The slug of `text` ('' when it has no letter or digit)."""
    return slugify(anyascii(slug_letters(text or "")))[:max_length].strip("-")
