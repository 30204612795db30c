"""A timetable counts as evidence with what the school published in it — its text, its own
grid (typed or imported), a class's table or a class's file — and never with an empty grid of
headings (issue 9: evidence has substance; the rule asks for 10 words or a file)."""

import datetime as dt

import pytest
from django_tenants.utils import schema_context
from wagtail.documents import get_document_model

from sitepages import models as m
from tests.sitepages.helpers import publish_child

pytestmark = pytest.mark.django_db

HEADINGS = [["Tiết", "Thứ Hai", "Thứ Ba", "Thứ Tư"], ["1", "", "", ""], ["2", "", "", ""]]
FILLED = [
    ["Tiết", "Thứ Hai", "Thứ Ba", "Thứ Tư"],
    ["1", "Chào cờ", "Toán", "Ngữ văn"],
    ["2", "Tiếng Anh", "Khoa học tự nhiên", "Lịch sử và Địa lí"],
    ["3", "Giáo dục thể chất", "Tin học", "Công nghệ"],
]


def published_measures(school, **content) -> dict[str, int]:
    """The measures of the published revision, as the evidence reader takes them."""
    with schema_context(school.schema_name):
        page = publish_child(
            m.TimetableIndexPage.objects.get(),
            m.TimetablePage(
                title="Thời khóa biểu học kỳ 1",
                school_year_start=2026,
                semester=1,
                effective_from=dt.date(2026, 9, 7),
                **content,
            ),
        )
        revision = page.live_revision
        return m.TimetablePage.compliance_evidence.measure(revision.content)


def test_a_grid_of_headings_alone_is_no_timetable(school):
    measures = published_measures(school, grid=[("table", {"data": HEADINGS})])
    assert measures == {"files": 0, "words": 0}


def test_the_schools_own_grid_counts(school):
    measures = published_measures(school, grid=[("table", {"data": FILLED})])
    assert measures["words"] >= 10


def test_a_class_table_counts(school):
    classes = [("class_timetable", {"class_name": "6A", "table": {"data": FILLED}, "note": ""})]
    assert published_measures(school, classes=classes)["words"] >= 10


def test_a_class_file_counts(school):
    with schema_context(school.schema_name):
        document = get_document_model().objects.create(title="TKB 6A")
    classes = [
        ("class_timetable", {"class_name": "6A", "document": document, "note": ""}),
    ]
    assert published_measures(school, classes=classes)["files"] == 1
