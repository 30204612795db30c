"""ASCII slugs for Vietnamese titles (`Kế hoạch tháng 11/2026` → `ke-hoach-thang-11-2026`).

Django's ASCII slugify drops letters without a decomposition (đ, Đ); anyascii transliterates
them, and date separators become hyphens so that `16/11` does not turn into `1611`.
"""

import re

from anyascii import anyascii
from django.utils.text import slugify

_SEPARATORS = re.compile(r"[/\\.:–—]+")


def ascii_slug(text: str, *, max_length: int = 240) -> str:
    return slugify(_SEPARATORS.sub("-", anyascii(text or "")))[:max_length].strip("-")
