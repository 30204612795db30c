"""Search finds what Vietnamese users type: parents' /tim-kiem/, documents, the admin."""

import datetime as dt
import html
import re
import unicodedata

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django_tenants.utils import schema_context
from wagtail.documents import get_document_model
from wagtail.models import Page

from sitepages import models as m
from sitepages.search_backend import tone_spellings, tsquery_text
from tests.factories import school_make
from tests.sitepages.helpers import publish_child

pytestmark = pytest.mark.django_db

MONDAY = dt.date(2026, 11, 16)


def _news(title: str, body: str = "<p>Nội dung</p>") -> m.NewsPage:
    news = m.NewsIndexPage.objects.get()
    return publish_child(news, m.NewsPage(title=title, body=body, event_date=MONDAY))


def _titles(client, host, query: str) -> list[str]:
    text = client.get("/tim-kiem/", {"q": query}, HTTP_HOST=host).content.decode()
    found = re.search(r'<ul class="list">(.*?)</ul>', text, re.S)
    return (
        [html.unescape(t) for t in re.findall(r'<a href="[^"]*">([^<]+)</a>', found[1])]
        if (found)
        else []
    )


def test_tone_spellings_cover_old_and_new_placement():
    assert tone_spellings("hòa") == {"hòa", "hoà"}
    assert tone_spellings("khoá") == {"khoá", "khóa"}
    assert tone_spellings("thủy") == {"thủy", "thuỷ"}
    assert tone_spellings("biểu") == {"biểu"}
    assert tsquery_text(["kế", "hoạch"], phrase=True, spellings=False, prefix_last=True) == (
        "'kế' <-> 'hoạch':*"
    )


def test_the_configuration_folds_every_vietnamese_letter_and_nfd():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT to_tsvector('public.vietnamese_unaccent', %s)::text, "
            "to_tsvector('public.vietnamese_unaccent', %s)::text",
            ["Đoàn Thời khóa biểu ỨNG HÒA", unicodedata.normalize("NFD", "thời khoá biểu")],
        )
        composed, decomposed = cursor.fetchone()
    assert composed == "'bieu':4 'doan':1 'hoa':6 'khoa':3 'thoi':2 'ung':5"
    assert decomposed == "'bieu':3 'khoa':2 'thoi':1"


def test_parents_search_ignores_tone_marks_case_and_forms(client, school, host):
    with schema_context(school.schema_name):
        _news("Thời khóa biểu học kỳ II", "<p>Áp dụng từ tuần 20.</p>")
        _news("Đoàn trường ra quân", "<p>Đội thanh niên dọn vệ sinh.</p>")
    queries = [
        "thoi khoa bieu",
        "THỜI KHOÁ BIỂU",
        "Thời khóa biểu",
        unicodedata.normalize("NFD", "thời khóa biểu"),
        "thoi khoa",
    ]
    for query in queries:
        # the school's own section "Thời khóa biểu" matches too
        assert set(_titles(client, host, query)) == {
            "Thời khóa biểu",
            "Thời khóa biểu học kỳ II",
        }, query
    assert _titles(client, host, "doan truong") == ["Đoàn trường ra quân"]
    assert _titles(client, host, "đội thanh nien") == ["Đoàn trường ra quân"]  # the body


def test_ranking_prefers_the_exact_spelling_then_the_phrase(client, school, host):
    with schema_context(school.schema_name):
        _news("Danh sách học sinh đặt giải thưởng")
        _news("Danh sách học sinh đạt giải nhất")
        # the expected page is always the older one: equal ranks would list the newer first
        _news("Giao lưu với trường Hòa An")
        _news("Giao lưu với trường Hóa An")
        _news("Kế hoạch tháng 12")
        _news("Kế toán, kế nhiệm và thu hoạch, hoạch định")
        _news("Kế toán trường kế nhiệm")
    assert _titles(client, host, "đạt giải")[0] == "Danh sách học sinh đạt giải nhất"
    assert _titles(client, host, "đặt giải")[0] == "Danh sách học sinh đặt giải thưởng"
    assert len(_titles(client, host, "dat giai")) == 2
    # new tone placement typed, old placement stored: still the exact spelling
    assert _titles(client, host, "trường hoà an")[0] == "Giao lưu với trường Hòa An"
    # the phrase first (the section "Kế hoạch" and the plan), then both words apart; a page
    # with only "kế" is not a match
    found = _titles(client, host, "ke hoach")
    assert set(found[:2]) == {"Kế hoạch", "Kế hoạch tháng 12"}
    assert found[2:] == ["Kế toán, kế nhiệm và thu hoạch, hoạch định"]


def test_documents_search_by_words_without_tone_marks_and_by_number(
    client, school, host, media_root
):
    with schema_context(school.schema_name):
        index = m.DocumentIndexPage.objects.get()
        file = get_document_model().objects.create(
            title="Tệp", file=ContentFile(b"%PDF-1.4", name="tep.pdf")
        )
        for number, summary in [
            ("123/QĐ-THCS", "Quyết định thành lập tổ Toán – Tin"),
            ("45/KH-THCS", "Kế hoạch năm học 2026–2027"),
        ]:
            publish_child(
                index,
                m.OfficialDocumentPage(
                    title=summary,
                    number=number,
                    issuer="Trường THCS Đống Đa",
                    issued_on=MONDAY,
                    summary=summary,
                    file=file,
                ),
            )

    def found(query):
        text = client.get("/van-ban/", {"q": query}, HTTP_HOST=host).content.decode()
        return [n for n in ("123/QĐ-THCS", "45/KH-THCS") if n in text]

    assert found("quyet dinh thanh lap") == ["123/QĐ-THCS"]
    assert found("ke hoach nam hoc") == ["45/KH-THCS"]
    assert found(unicodedata.normalize("NFD", "kế hoạch")) == ["45/KH-THCS"]
    assert found("qd-thcs") == ["123/QĐ-THCS"]
    assert found("dong da") == ["123/QĐ-THCS", "45/KH-THCS"]


def test_admin_page_search_ignores_tone_marks(client, school, school_admin, host):
    with schema_context(school.schema_name):
        _news("Thời khóa biểu học kỳ II")
    for query in ("thoi khoa bieu", "thoi khoa bi", "THỜI KHOÁ"):
        text = client.get("/admin/pages/search/", {"q": query}, HTTP_HOST=host).content.decode()
        assert "Thời khóa biểu học kỳ II" in text, query


def test_a_newly_cloned_school_searches_its_inherited_sections(client, authority, empty_pool):
    """The template's index (built before the configuration changed, then folded by the
    migration) reaches a cloned school; new pages are indexed with the configuration."""
    fresh = school_make(authority=authority)
    with schema_context(fresh.schema_name):
        hits = [page.title for page in Page.objects.live().search("thoi khoa bieu")]
        assert "Thời khóa biểu" in hits
        _news("Lễ khai giảng năm học mới")
        assert [p.title for p in Page.objects.live().search("le khai giang")] == [
            "Lễ khai giảng năm học mới"
        ]
    assert "Thời khóa biểu" in _titles(client, fresh.provisioned.domain, "thoi khoa bieu")
