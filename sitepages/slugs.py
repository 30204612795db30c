"""One ASCII slug for a title, whether the admin's JavaScript or the server makes it.

`Hội thi văn nghệ chào mừng 20/11` → `hoi-thi-van-nghe-chao-mung-20-11`: every Vietnamese letter
to its base letter (đ → d, ộ → o, ừ → u), date and other separators to hyphens, nothing dropped.

Wagtail's admin makes a page's slug in the browser (its `w-slug` controller's `urlify`, while
the title is typed), and its own transliteration table drops the letters that carry two marks
(ộ, ệ, ừ) and the "/" of "20/11". Wagtail 8's `SlugInput` takes *formatters* — (regular
expression, replacement) pairs the browser applies before its own transliteration — so the
letters are given here once, as data, and:
- the browser applies `SLUG_FORMATTERS` (`SchoolSlugInput`, the widget of every slug field in
  the admin: `sitepages.apps`), then Wagtail's urlify (lower case, other characters dropped,
  spaces to hyphens);
- the server (`ascii_slug`: pages created in code, drafts, an admin form sent without a slug)
  applies the same pairs with Python's `re`, then anyascii for anything left and Django's
  slugify, which do the same on what remains.
tests/sitepages/test_slugs.py checks both sides give the same slug in chromium.
"""

import re

from anyascii import anyascii
from django.utils.text import slugify
from wagtail.admin.widgets import SlugInput

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


class SchoolSlugInput(SlugInput):
    """Wagtail's slug widget with the formatters above (see the module)."""

    def __init__(self, attrs=None, formatters=None, locale=None):
        super().__init__(attrs=attrs, formatters=formatters or SLUG_FORMATTERS, locale=locale)
