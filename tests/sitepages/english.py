"""Finding English UI text on an admin screen that should speak Vietnamese.

A word counts as English when it is part of Django's or Wagtail's own English UI vocabulary (every
word of their source catalogues, read from the installed packages, so nothing is hard-coded
here), is not also a possible Vietnamese syllable written without tone marks ("to", "can",
"tin"), and is not a proper noun, product name or file format on the allow-list. E-mail
addresses, URLs, host and file names are removed first.
"""

import functools
import re
from pathlib import Path

import polib

# Names and formats that stay as they are in Vietnamese UI text.
ALLOWED = {
    # products and proper nouns
    *("wagtail", "django", "draftail", "google", "youtube", "facebook", "zalo", "vimeo"),
    *("twitter", "instagram", "chrome", "firefox", "safari", "unicode", "word", "excel"),
    # file formats and technical words Vietnamese writes as they are
    *("pdf", "doc", "docx", "xls", "xlsx", "odt", "ods", "csv", "jpg", "jpeg", "png", "gif"),
    *("webp", "svg", "heic", "avif", "url", "html", "rss", "api", "id", "ok", "email", "kb"),
    *("mb", "gb", "px", "seo", "qr", "logo", "tag", "tags", "online", "web", "website", "menu"),
    # the English language's own name in the admin's language choice (for English speakers)
    "english",
}

# A Vietnamese syllable without tone marks: onset, one to three vowels, a final consonant.
_VIETNAMESE_SYLLABLE = re.compile(
    r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?$"
)
_NOISE = re.compile(
    r"[\w.+-]+@[\w-]+(\.[\w-]+)+"  # e-mail addresses
    r"|\b\w+://\S+"  # URLs
    r"|(?<![\w/])/\S*"  # paths
    r"|\b[\w-]+(\.[\w-]+)+\b"  # host and file names
    r"|\b[A-Z][a-z]+/[\w/+-]+"  # time zone names (America/New_York)
)
# Whole words (Vietnamese letters included), so "Thị" never yields an English "Th".
_WORD = re.compile(r"[^\W\d_]{2,}")


def _catalogue_files():
    import django
    import wagtail

    for package in (django, wagtail):
        root = Path(package.__file__).parent
        yield from root.glob("**/locale/en/LC_MESSAGES/*.po")


@functools.cache
def english_vocabulary() -> frozenset[str]:
    words = set()
    for path in _catalogue_files():
        for entry in polib.pofile(str(path)):
            for text in (entry.msgid, entry.msgid_plural):
                text = re.sub(r"%\(\w+\)[sd]|\{\w*\}|%[sd]", " ", text or "")
                words.update(word.lower() for word in _WORD.findall(text) if word.isascii())
    return frozenset(
        word for word in words if word not in ALLOWED and not _VIETNAMESE_SYLLABLE.match(word)
    )


def english_words(text: str) -> list[str]:
    vocabulary = english_vocabulary()
    words = _WORD.findall(_NOISE.sub(" ", text))
    return [word for word in words if word.isascii() and word.lower() in vocabulary]


def english_segments(segments, *, also_allowed=()) -> list[str]:
    """The segments (lines, labels) that contain an English word."""
    allowed = {word.lower() for word in also_allowed}
    found = []
    for segment in segments:
        words = [word for word in english_words(segment) if word.lower() not in allowed]
        if words and segment not in found:
            found.append(segment.strip())
    return found


# What a person sees or hears on the page: rendered text (with screen-reader-only text), the
# tab title, and the labels, placeholders and tooltips of visible elements.
VISIBLE_TEXT_JS = """
() => {
  const shown = (el) => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
  const out = [document.title];
  for (const line of document.body.innerText.split('\\n')) out.push(line);
  for (const el of document.querySelectorAll('[aria-label],[placeholder],[title],img[alt],[aria-description]')) {
    if (!shown(el)) continue;
    for (const name of ['aria-label', 'placeholder', 'title', 'alt', 'aria-description']) {
      const value = el.getAttribute(name);
      if (value) out.push(value);
    }
  }
  for (const el of document.querySelectorAll('input[type=submit],input[type=button]')) {
    if (shown(el) && el.value) out.push(el.value);
  }
  return out.map((s) => s.trim()).filter((s) => s);
}
"""


def page_english(page, *, also_allowed=()) -> list[str]:
    """The English segments a Playwright page shows now."""
    return english_segments(page.evaluate(VISIBLE_TEXT_JS), also_allowed=also_allowed)
