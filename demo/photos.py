"""Photos for the demo's albums, drawn with Pillow (no photo files in the repository).

`demo_photo(seed=…, title=…, alt=…)` makes a 1,600×1,200 JPEG of a schoolyard scene (sky, a
building, a flag, pupils as coloured figures) and stores it as a Wagtail image with its alt
text, as an editor's upload would be. The same seed draws the same picture.
"""

import hashlib
import io
import random

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw
from wagtail.images import get_image_model

SIZE = (1600, 1200)
SKIES = ((120, 180, 235), (250, 200, 150), (170, 210, 240), (200, 225, 250))
SHIRTS = ((255, 255, 255), (30, 80, 170), (200, 40, 40), (240, 190, 40), (40, 150, 90))


def demo_photo_bytes(seed: str, size: tuple[int, int] = SIZE) -> bytes:
    """A JPEG (quality 85) of `size` pixels; about 60–120 KB at 1,600×1,200."""
    rng = random.Random(seed)
    width, height = size
    picture = Image.new("RGB", size)
    draw = ImageDraw.Draw(picture)
    top = rng.choice(SKIES)
    horizon = int(height * 0.55)
    for y in range(horizon):
        shade = y / horizon
        draw.line([(0, y), (width, y)], fill=tuple(int(c * (1 - shade * 0.25)) for c in top))
    draw.rectangle([0, horizon, width, height], fill=(150, 140, 120))
    left = rng.randint(0, width // 3)
    draw.rectangle([left, horizon - 330, left + 900, horizon], fill=(235, 205, 120))
    for row in range(2):
        for column in range(6):
            x = left + 40 + column * 145
            y = horizon - 300 + row * 150
            draw.rectangle([x, y, x + 90, y + 100], fill=(90, 120, 160))
    pole = min(left + 1050, width - 260)
    draw.rectangle([pole, horizon - 520, pole + 12, horizon], fill=(90, 90, 90))
    draw.rectangle([pole + 12, horizon - 520, pole + 212, horizon - 390], fill=(218, 37, 29))
    draw.regular_polygon((pole + 112, horizon - 455, 35), 5, fill=(255, 221, 0))
    for _ in range(rng.randint(14, 24)):
        x = rng.randint(20, width - 60)
        y = rng.randint(horizon + 40, height - 160)
        scale = 0.6 + (y - horizon) / (height - horizon)
        head, body = int(28 * scale), int(90 * scale)
        draw.ellipse([x, y, x + 2 * head, y + 2 * head], fill=(120, 80, 50))
        shirt = rng.choice(SHIRTS)
        draw.rectangle([x - head // 2, y + 2 * head, x + 2 * head + head // 2, y + 2 * head + body],
                       fill=shirt)  # fmt: skip
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()


def demo_photo(*, seed: str, title: str, alt: str, user=None):
    """A Wagtail image of `demo_photo_bytes(seed)` titled `title`, alt text `alt`."""
    image = get_image_model()(title=title[:255], description=alt, uploaded_by_user=user)
    name = f"demo-{hashlib.sha1(seed.encode()).hexdigest()[:10]}.jpg"
    image.file = ImageFile(io.BytesIO(demo_photo_bytes(seed)), name=name)
    image.save()
    return image
