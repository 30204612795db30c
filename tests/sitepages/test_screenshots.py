"""`make screenshots` (scripts/screenshots.py): the pages it picks and the PNGs it writes."""

import importlib.util
import uuid
from pathlib import Path

import pytest
from django_tenants.utils import schema_context
from PIL import Image

pytestmark = [pytest.mark.browser]
REPO = Path(__file__).resolve().parents[2]


def _script():
    spec = importlib.util.spec_from_file_location(
        "screenshots", REPO / "scripts" / "screenshots.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_screenshots_of_a_demo_school_are_phone_sized_pngs(
    committed_schools, media_root, live_server, tmp_path
):
    from demo.content import demo_content_create
    from sitepages import models as m

    script = _script()
    tag = uuid.uuid4().hex[:8]
    school = committed_schools(name=f"THCS Ảnh chụp {tag}", domain=f"anh-chup-{tag}.localhost")
    with schema_context(school.schema_name):
        demo_content_create(levels=school.levels)
        pages = {
            "home": "/",
            "work-schedule": m.WorkSchedulePage.objects.get().url,
            "album": m.AlbumPage.objects.order_by("pk").first().url,
        }
    port = live_server.url.rsplit(":", 1)[1]
    saved = script.shoot(f"http://{school.provisioned.domain}:{port}", pages, tmp_path)
    assert [path.name for path in saved] == [
        "home.png", "home-full.png", "work-schedule.png", "work-schedule-full.png",
        "album.png", "album-full.png",
    ]  # fmt: skip
    for path in saved:
        with Image.open(path) as image:
            assert image.format == "PNG"
            width, height = image.size
        assert width == 390 * 2  # a 390 px wide phone at 2 device pixels per CSS pixel
        assert height == 844 * 2 if "full" not in path.name else height > 844 * 2
    assert "screenshots" in (REPO / "Makefile").read_text()
