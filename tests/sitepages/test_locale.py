"""The project's Vietnamese catalogues: well-formed, compiled, loaded before Wagtail's own."""

import importlib.util
import json
from pathlib import Path

import polib
import pytest
from django.utils import translation

REPO = Path(__file__).resolve().parents[2]


def _compiler():
    spec = importlib.util.spec_from_file_location(
        "compile_messages", REPO / "scripts" / "compile_messages.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_translation_keeps_its_placeholders():
    compiler = _compiler()
    catalogues = sorted(REPO.glob("locale/*/LC_MESSAGES/*.po")) + sorted(
        REPO.glob("*/locale/*/LC_MESSAGES/*.po")
    )
    assert {path.name for path in catalogues} >= {"django.po", "djangojs.po"}
    assert [p for path in catalogues for p in compiler.catalogue_problems(path)] == []


@pytest.mark.parametrize(
    ("msgid", "msgstr", "plural"),
    [
        ("Page '%(page_title)s' created.", "Đã tạo trang “%(title)s”.", None),
        ("Set password: %s", "Đặt mật khẩu", None),
        ("Delete 1 page", "Xóa %(count)s trang", "Delete %(counter)s pages"),
        ("<b>'{title}' is locked</b>.", "<b>“{tieu_de}” đã khóa</b>.", None),
    ],
)
def test_a_translation_that_loses_or_renames_a_placeholder_is_refused(msgid, msgstr, plural):
    entry = polib.POEntry(msgid=msgid, msgstr="" if plural else msgstr)
    if plural:
        entry.msgid_plural, entry.msgstr_plural = plural, {0: msgstr}
    assert _compiler().entry_problems(entry)


def test_the_admin_speaks_vietnamese_and_english_stays_the_second_language():
    from django.utils.translation import gettext, pgettext

    with translation.override("vi"):
        assert gettext("Save draft") == "Lưu nháp"
        assert gettext("Unpublish") == "Hủy xuất bản"
        assert gettext("Submit to %(workflow_name)s") == "Gửi %(workflow_name)s"
        assert gettext("Request changes") == "Yêu cầu sửa"
        assert gettext("Approve") == "Duyệt"
        assert gettext("Documents") == "Tài liệu" and gettext("Images") == "Hình ảnh"
        assert gettext("First Name") == "Họ và tên đệm" and gettext("Last Name") == "Tên"
        assert pgettext("naturaltime-past", "%(num)d month") != "%(num)d month"
    with translation.override("en"):
        assert gettext("Save draft") == "Save draft"
        assert gettext("First Name") == "Family and middle names"
        # The school's own labels are Vietnamese msgids with an English translation.
        from sitepages.models import NewsPage, WeeklyPlanPage

        assert str(NewsPage._meta.get_field("kind").verbose_name) == "Kind of news"
        assert str(WeeklyPlanPage._meta.verbose_name) == "Weekly plan"
    with translation.override("vi"):
        from sitepages.models import WeeklyPlanPage

        assert str(WeeklyPlanPage._meta.verbose_name) == "Kế hoạch tuần"


@pytest.mark.django_db
def test_the_admins_javascript_catalogue_is_vietnamese(client, school, school_admin, host):
    body = client.get("/admin/jsi18n/", HTTP_HOST=host).content.decode("utf-8")
    for text in ("Chèn khối", "Thao tác khác", "Đang tự động lưu…", "Các thay đổi đã được"):
        assert json.dumps(text)[1:-1] in body, text  # the catalogue is ASCII-escaped JSON
