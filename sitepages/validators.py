"""Field validators with messages a school secretary understands (Vietnamese, with an example)."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, ImageSequence, UnidentifiedImageError

# Frames of an animated GIF/WebP decoded to check it: enough to find a broken file, bounded so
# that a 10,000-frame upload costs no more than a big photo.
IMAGE_FRAMES_CHECKED = 50

_SEPARATORS = re.compile(r"[\s.\-()]")
# Mobile: 10 digits starting 03/05/07/08/09. Landline since 2017: 0 + 2xx area code + 8 digits.
# Hotlines: 1800/1900 + 4–6 digits. "+84" or "84" stands for the leading 0.
_PHONE_PATTERNS = (
    re.compile(r"^0[35789]\d{8}$"),
    re.compile(r"^02\d{9}$"),
    re.compile(r"^1[89]00\d{4,6}$"),
)
_HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def phone_normalise(value: str) -> str:
    digits = _SEPARATORS.sub("", value or "")
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) in (11, 12):
        digits = "0" + digits[2:]
    return digits


def validate_vn_phone(value: str) -> None:
    digits = phone_normalise(value)
    if not any(pattern.match(digits) for pattern in _PHONE_PATTERNS):
        raise ValidationError(
            _(
                "Số điện thoại “%(value)s” không hợp lệ. Ví dụ: 0912 345 678 (di động) hoặc "
                "0234 3822 123 (cố định, gồm mã vùng)."
            ),
            code="invalid_phone",
            params={"value": value},
        )


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def contrast_with_white(colour: str) -> float:
    """WCAG contrast ratio of white text on `colour` (#rrggbb)."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)
    return 1.05 / (luminance + 0.05)


def validate_brand_colour(value: str) -> None:
    """The header shows white text on this colour: WCAG AA asks a contrast of at least 4.5:1."""
    if not _HEX_COLOUR.match(value or ""):
        raise ValidationError(_("Màu phải có dạng #rrggbb, ví dụ #0b5394."), code="invalid_colour")
    ratio = contrast_with_white(value)
    if ratio < 4.5:
        raise ValidationError(
            _(
                "Màu %(value)s quá sáng: chữ trắng trên nền này có độ tương phản %(ratio).1f:1, "
                "cần ít nhất 4,5:1 để dễ đọc. Hãy chọn màu đậm hơn."
            ),
            code="low_contrast",
            params={"value": value, "ratio": ratio},
        )


def broken_image_error(name: str) -> ValidationError:
    return ValidationError(
        _(
            "Tệp “%(name)s” không đọc được như một ảnh (có thể tệp bị hỏng hoặc chỉ được đổi "
            "tên thành ảnh). Hãy mở ảnh bằng phần mềm xem ảnh, lưu lại dạng JPG hoặc PNG rồi "
            "tải lên lại."
        ),
        code="image_broken",
        params={"name": name},
    )


def validate_image_decodes(file) -> None:
    """Decode an uploaded image (up to IMAGE_FRAMES_CHECKED frames) or refuse it in Vietnamese.

    Wagtail's image field reads little of the file: a GIF whose header is right and whose
    picture data is torn raised an OSError out of it (a 500 at upload), and a file broken
    further on would fail only when a thumbnail was made. Pillow's decompression-bomb limit
    applies. Leaves the file at position 0.
    """
    name = getattr(file, "name", "") or ""
    try:
        file.seek(0)
        with Image.open(file) as image:
            for number, frame in enumerate(ImageSequence.Iterator(image)):
                if number >= IMAGE_FRAMES_CHECKED:
                    break
                frame.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError, IndexError,
            Image.DecompressionBombError) as error:  # fmt: skip
        raise broken_image_error(name) from error
    finally:
        file.seek(0)
