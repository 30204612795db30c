"""Per-class timetables: a parent picks the class (`?lop=6A`, a GET form without JavaScript),
sees that class's days as cards on a phone; a preschool's page offers the daily routine and the
menu instead; each class's view is purged with the page."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django_tenants.utils import schema_context

from sitepages import models as m
from sitepages.class_timetables import (
    ClassDay,
    class_pick,
    class_views,
    grid_classes,
    per_class_applies,
    table_days,
)
from tests.sitepages.helpers import publish_child

GRID_6A = [["Tiết", "Thứ Hai", "Thứ Ba"], ["1", "Chào cờ", "Toán"], ["2", "Ngữ văn", ""]]
# The whole school's timetable as schools type it (tests/sitepages/fixtures/thoi-khoa-bieu.xlsx).
SCHOOL_GRID = [
    ["Thứ", "Tiết", "6A", "6B", "7A"],
    ["Thứ Hai", "1", "Chào cờ", "Chào cờ", "Chào cờ"],
    [None, "2", "Toán", "Văn", "Anh"],
    ["Thứ Ba", "1", "Văn", "Toán", "Lý"],
    ["", "2", "Anh", "Sử", ""],
]
GRID_6B = [["Tiết", "Thứ Hai", "Thứ Ba"], ["1", "Chào cờ", "Tiếng Anh"], ["2", "Tin học", ""]]


def _class(name, rows):
    return ("class_timetable", {"class_name": name, "table": {"data": rows}, "note": ""})


def _timetable(**kwargs):
    return m.TimetablePage(
        title="Thời khóa biểu học kỳ 1",
        school_year_start=2026,
        semester=1,
        effective_from=dt.date(2026, 9, 7),
        body="<p>Thời khóa biểu chung của toàn trường.</p>",
        **kwargs,
    )


def test_a_grid_reads_as_day_cards_without_empty_cells():
    assert table_days(GRID_6A) == [
        ClassDay("Thứ Hai", [("Tiết 1", "Chào cờ"), ("Tiết 2", "Ngữ văn")]),
        ClassDay("Thứ Ba", [("Tiết 1", "Toán")]),
    ]
    assert table_days([["", "Thứ Hai"], ["Sáng 1", "Toán"]]) == [
        ClassDay("Thứ Hai", [("Sáng 1", "Toán")])
    ]
    assert table_days([["Tiết", "Thứ Hai"]]) == [] and table_days([]) == []
    assert table_days([["Tiết", "Thứ Hai", "Thứ Ba"], ["1", None]]) == []


def test_a_whole_school_grid_reads_as_each_class_days():
    classes = grid_classes(SCHOOL_GRID)
    assert list(classes) == ["6A", "6B", "7A"]
    assert classes["6B"] == [
        ClassDay("Thứ Hai", [("Tiết 1", "Chào cờ"), ("Tiết 2", "Văn")]),
        ClassDay("Thứ Ba", [("Tiết 1", "Toán"), ("Tiết 2", "Sử")]),
    ]
    assert classes["7A"][1] == ClassDay("Thứ Ba", [("Tiết 1", "Lý")])
    assert grid_classes(GRID_6A) == {}  # days across: one class's own table, not a school grid
    # a class entered on its own wins over the same class read from the grid
    views = class_views([{"class_name": "6A", "table": {"data": GRID_6A}}], [SCHOOL_GRID])
    assert list(views) == ["6A", "6B", "7A"]
    assert views["6A"].rows == GRID_6A and views["6B"].rows is None


def test_the_class_a_parent_asked_for():
    names = ["6A", "6B", "7A1"]
    assert class_pick(names, "6a") == "6A" and class_pick(names, " 6B ") == "6B"
    assert class_pick(names, "7a-1") == "7A1"
    assert class_pick(names, "9C") is None and class_pick(names, "") is None


def test_per_class_timetables_are_for_primary_and_lower_secondary_schools():
    assert per_class_applies(["primary"]) and per_class_applies(["preschool", "lower_secondary"])
    assert not per_class_applies(["preschool"])


@pytest.mark.django_db
def test_a_parent_picks_a_class_and_sees_only_its_timetable(client, school, host):
    with schema_context(school.schema_name):
        page = publish_child(
            m.TimetableIndexPage.objects.get(),
            _timetable(classes=[_class("6A", GRID_6A), _class("6B", GRID_6B)]),
        )
        assert page.get_cached_paths() == ["/", "?lop=6A", "?lop=6B"]
        url = page.get_url()
    general = client.get(url, HTTP_HOST=host).content.decode()
    assert '<form class="class-pick no-print" method="get"' in general
    assert '<select id="chon-lop" name="lop">' in general and "<option>6B</option>" in general
    assert '<a href="?lop=6A">6A</a>' in general  # plain links too
    assert "Thời khóa biểu chung của toàn trường." in general

    picked = client.get(url, {"lop": "6a"}, HTTP_HOST=host).content.decode()
    assert "Thời khóa biểu lớp 6A" in picked and "<option selected>6A</option>" in picked
    assert "Ngữ văn" in picked and "Tin học" not in picked
    assert '<li class="card day"><h3>Thứ Hai</h3>' in picked  # day cards on a phone
    assert '<span class="when">Tiết 2</span>: Ngữ văn' in picked
    assert '<th scope="col">Thứ Hai</th>' in picked  # the table on a desktop

    unknown = client.get(url, {"lop": "9C"}, HTTP_HOST=host).content.decode()
    assert "Không có thời khóa biểu của lớp “9C”" in unknown


@pytest.mark.django_db
def test_classes_are_offered_from_the_schools_own_grid(client, school, host):
    with schema_context(school.schema_name):
        page = publish_child(
            m.TimetableIndexPage.objects.get(),
            _timetable(grid=[("table", {"data": SCHOOL_GRID})]),
        )
        url = page.get_url()
        assert page.get_cached_paths() == ["/", "?lop=6A", "?lop=6B", "?lop=7A"]
    html = client.get(url, {"lop": "6B"}, HTTP_HOST=host).content.decode()
    assert "Thời khóa biểu lớp 6B" in html and "<option selected>6B</option>" in html
    assert '<span class="when">Tiết 2</span>: Sử' in html and "Lý" not in html


@pytest.mark.django_db
def test_a_class_needs_a_table_or_a_file_and_a_name_of_its_own(school):
    block = m.TimetablePage.classes.field.stream_block.child_blocks["class_timetable"]
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"class_name": "6A", "table": {"data": [["Tiết"]]}}))
    with schema_context(school.schema_name):
        page = _timetable(classes=[_class("6A", GRID_6A), _class("6 a", GRID_6B)])
        with pytest.raises(ValidationError) as raised:
            m.TimetableIndexPage.objects.get().add_child(instance=page)
    assert "tên lớp bị trùng" in str(raised.value.message_dict["classes"])


@pytest.mark.django_db
def test_a_preschool_timetable_page_offers_the_daily_routine_and_the_menu(client, authority):
    from tests.factories import school_make

    preschool = school_make(authority=authority, levels="preschool", name="Mầm non Hoa Sen")
    host = preschool.provisioned.domain
    with schema_context(preschool.schema_name):
        page = publish_child(
            m.TimetableIndexPage.objects.get(),
            _timetable(classes=[_class("Lá 1", GRID_6A)]),
        )
        url = page.get_url()
    html = client.get(url, {"lop": "Lá 1"}, HTTP_HOST=host).content.decode()
    assert "Chế độ sinh hoạt một ngày" in html and 'href="/thuc-don/"' in html
    assert "chon-lop" not in html and "Chào cờ" not in html
    with schema_context(preschool.schema_name):
        from django.db import connection

        connection.tenant = preschool  # as the admin's request has it
        page = m.TimetablePage.objects.get()
        with pytest.raises(ValidationError) as raised:
            page.full_clean()
    assert "Trường mầm non không có thời khóa biểu theo lớp" in str(raised.value)
