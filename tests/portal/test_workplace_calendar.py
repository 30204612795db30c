"""/quan-ly/lich-nam-hoc/: the calendar in force (the ministry's frame, the province's, or the
authority's own), its teaching weeks, and setting a Tết break; inspectors only look."""

import datetime as dt

import pytest

from compliance.models import CalendarYear
from compliance.selectors import school_calendar
from compliance.services.configuration import calendar_year_set
from portal.models import AuditEntry
from tests.factories import authority_make

pytestmark = pytest.mark.django_db

YEAR = {
    "nam": "2026",
    "hk1_bat_dau": "07/09/2026",
    "hk1_ket_thuc": "15/01/2027",
    "hk2_bat_dau": "18/01/2027",
    "hk2_ket_thuc": "28/05/2027",
}


def test_a_commune_sees_the_provinces_calendar_until_it_sets_its_own(portal_client):
    province = authority_make(kind="province", name="Sở GD&ĐT Huế")
    commune = authority_make(kind="commune", parent=province, name="UBND xã Phong An")
    client = portal_client(commune, "admin")
    default = client.get("/quan-ly/lich-nam-hoc/?nam=2026").text
    assert "khung của Bộ GD&amp;ĐT" in default
    calendar_year_set(
        authority=province,
        school_year_start=2026,
        semester1=(dt.date(2026, 9, 7), dt.date(2027, 1, 15)),
        semester2=(dt.date(2027, 1, 18), dt.date(2027, 5, 28)),
        breaks=[(dt.date(2027, 2, 8), "tet")],
    )
    inherited = client.get("/quan-ly/lich-nam-hoc/?nam=2026").text
    assert "Theo lịch của Sở GD&amp;ĐT Huế" in inherited
    assert "Tuần 1 (07/09 – 13/09/2026)" in inherited
    assert "Nghỉ Tết (08/02 – 14/02/2027)" in inherited
    assert 'value="07/09/2026"' in inherited  # the form starts from what is in force


def test_an_admin_sets_a_tet_break_and_the_weeks_follow(portal_client, authority):
    client = portal_client(authority, "admin")
    response = client.post(
        "/quan-ly/lich-nam-hoc/luu/",
        {**YEAR, "tuan_nghi": "08/02/2027 Tết\n15/02/2027 tet"},
        follow=True,
    )
    assert "Đã lưu lịch năm học 2026–2027" in response.text
    assert "Lịch riêng của" in response.text
    assert "Nghỉ Tết (08/02 – 14/02/2027)" in response.text
    assert "Nghỉ Tết (15/02 – 21/02/2027)" in response.text
    row = CalendarYear.objects.get(authority=authority, school_year_start=2026)
    assert row.breaks == [
        {"monday": "2027-02-08", "label": "tet"},
        {"monday": "2027-02-15", "label": "tet"},
    ]
    year = school_calendar(authority).year(2026)
    assert year.week_number(dt.date(2027, 2, 10)) is None  # weekly rules pause
    assert year.week_number(dt.date(2027, 2, 22)) == year.week_number(dt.date(2027, 2, 3)) + 1
    entry = AuditEntry.objects.get(action="calendar_set", target="2026-2027")
    assert entry.before["source"] == "default" and entry.after["breaks"][0] == ["2027-02-08", "tet"]


@pytest.mark.parametrize(
    "data, message",
    [
        ({"tuan_nghi": "09/02/2027 Tết"}, "09/02/2027 không phải thứ Hai"),
        ({"tuan_nghi": "08/02/27 Tết"}, "Tuần nghỉ dòng 1: “08/02/27” không phải là một ngày"),
        ({"tuan_nghi": "29/02/2027 Tết"}, "Ngày 29/02/2027 không có thật: tháng 2/2027 chỉ có 28"),
        ({"hk1_ket_thuc": "15/1/27"}, "hãy ghi ngày/tháng/năm, ví dụ 29/11/2026"),
        ({"hk2_bat_dau": "10/01/2027"}, "học kỳ I phải kết thúc trước học kỳ II"),
    ],
)
def test_bad_dates_are_refused_in_vietnamese(portal_client, authority, data, message):
    client = portal_client(authority, "admin")
    response = client.post("/quan-ly/lich-nam-hoc/luu/", {**YEAR, **data}, follow=True)
    assert message in response.text
    assert not CalendarYear.objects.exists()


def test_inspectors_see_the_calendar_but_cannot_set_it(portal_client, authority):
    client = portal_client(authority, "inspector")
    page = client.get("/quan-ly/lich-nam-hoc/")
    assert page.status_code == 200 and "Lưu lịch năm học" not in page.text
    response = client.post("/quan-ly/lich-nam-hoc/luu/", {**YEAR, "tuan_nghi": ""})
    assert response.status_code == 403 and "chỉ được xem" in response.text
    assert not CalendarYear.objects.exists()
