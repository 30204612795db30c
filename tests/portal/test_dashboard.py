"""The dashboard: figures per school from stored rows, filters, sort, trend, query count."""

import datetime as dt
import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.crafting import crafted_school, evaluated, local, month_of_each_category, result
from tests.factories import authority_make

pytestmark = pytest.mark.django_db


def _rows(text: str) -> list[str]:
    """The school names in the dashboard table, in order."""
    return [
        html.unescape(m)
        for m in re.findall(r'<th scope="row"><a href="/truong/[^"]+/">([^<]+)</a>', text)
    ]


def test_scores_are_weighted_shares_met_on_time(portal_client, authority, frozen_now):
    school = crafted_school(authority=authority, name="THCS Nguyễn Du")
    # November (this month): weights 3 on time, 1 late, 1 missing → 3/5 = 60 %
    result(school, status="on_time", due_at=local(2026, 11, 2, 12), weight=3)
    result(school, status="late", due_at=local(2026, 11, 9, 12), rule="work-schedule")
    result(school, status="missing", due_at=local(2026, 11, 16, 12), rule="lesson-register")
    result(school, status="pending", due_at=local(2026, 11, 23, 12))  # not due: not counted
    # October: one on time, weight 1 → the school year is 4/6 = 66.7 %
    result(school, status="on_time", due_at=local(2026, 10, 12, 12))
    result(school, status="not_applicable", due_at=local(2026, 10, 19, 12), rule="menu")
    evaluated(school, category="incomplete", last_published_at=local(2026, 11, 18, 15, 30))
    text = portal_client(authority).get("/").text
    row = text[text.index("THCS Nguyễn Du") :].split("</tr>")[0]
    cells = re.findall(r'<td class="num">([^<]*)</td>', row)
    assert cells == ["60,0%", "66,7%", "1", "1"]  # month, year, late, missing (vi: decimal comma)
    assert "18/11/2026 15:30" in row  # last publication, local time
    assert "cập nhật thiếu" in row
    # each rule's current status is a cell with text, not colour alone
    assert '<span class="st st-missing" title="thiếu">Thiếu</span>' in row
    assert '<span class="st st-late" title="trễ hạn">Trễ</span>' in row


def test_a_rules_current_status_is_its_latest_decided_obligation(
    portal_client, authority, frozen_now
):
    school = crafted_school(authority=authority)
    result(school, rule="weekly-plan", status="missing", due_at=local(2026, 11, 9, 12))
    result(school, rule="weekly-plan", status="on_time", due_at=local(2026, 11, 16, 12))
    result(school, rule="weekly-plan", status="pending", due_at=local(2026, 11, 23, 12))
    result(
        school, rule="monthly-plan", status="pending", due_at=local(2026, 12, 1), month="2026-11"
    )
    evaluated(school)
    text = portal_client(authority).get("/").text
    header = text[text.index("<thead>") : text.index("</thead>")]
    columns = re.findall(r"<abbr title=\"([^\"]+)\">", header)
    assert columns == ["Kế hoạch tháng", "Kế hoạch tuần"]  # the rule set's order
    row = text[text.index(f"/truong/{school.code}/") :].split("</tr>")[0]
    assert re.findall(r'class="st st-(\w+)"', row) == ["pending", "on_time"]


def test_a_missed_week_stays_visible_when_next_week_went_up_early(
    portal_client, authority, frozen_now
):
    school = crafted_school(authority=authority)
    # week 47 (due Monday 16/11 12:00) was missed; week 48 (due 23/11) is already published
    result(school, rule="weekly-plan", status="missing", due_at=local(2026, 11, 16, 12))
    result(
        school, rule="weekly-plan", status="on_time", due_at=local(2026, 11, 23, 12),
        period_key="2026-W48",
    )  # fmt: skip
    evaluated(school)
    text = portal_client(authority).get("/").text
    row = text[text.index(f"/truong/{school.code}/") :].split("</tr>")[0]
    assert re.findall(r'class="st st-(\w+)"', row) == ["missing"]


def test_every_school_of_the_authority_and_nobody_elses(portal_client, authority, frozen_now):
    mine = [crafted_school(authority=authority, name=f"TH Số {i}") for i in range(3)]
    crafted_school(authority=authority_make(), name="TH Nơi Khác")
    names = _rows(portal_client(authority).get("/").text)
    assert sorted(names) == sorted(s.name for s in mine)


def test_filters_by_level_category_and_accent_free_search(portal_client, authority, frozen_now):
    schools = month_of_each_category(authority)
    crafted_school(authority=authority, name="MN Nguyễn Du", levels=["preschool"])
    client = portal_client(authority)
    assert _rows(client.get("/", {"cap": "preschool"}).text) == ["MN Nguyễn Du"]
    assert _rows(client.get("/", {"xep_loai": "irregular"}).text) == [schools["irregular"].name]
    assert _rows(client.get("/", {"xep_loai": "not_evaluated"}).text) == ["MN Nguyễn Du"]
    assert _rows(client.get("/", {"q": "nguyen du"}).text) == ["MN Nguyễn Du"]
    assert _rows(client.get("/", {"q": "CHAM"}).text) == ["THCS Chăm Chỉ", "THCS Chậm Trễ"]
    # a nonsense filter value is ignored, not an error, and the page says which and why
    page = client.get("/", {"cap": "university", "xep_loai": "meets"}).text
    assert len(_rows(page)) == 5
    assert "Bộ lọc “Cấp học” không có lựa chọn “university”: bộ lọc này đã được bỏ qua." in page
    assert "Bộ lọc “Xếp loại tháng” không có lựa chọn “meets”" in page
    assert "bỏ qua" not in client.get("/", {"cap": "preschool"}).text


def test_a_province_filters_by_the_authority_under_it(portal_client, frozen_now):
    province = authority_make(kind="province")
    north, south = authority_make(parent=province), authority_make(parent=province)
    crafted_school(authority=north, name="TH Bắc")
    crafted_school(authority=south, name="TH Nam")
    client = portal_client(province, "inspector")
    page = client.get("/").text
    assert sorted(_rows(page)) == ["TH Bắc", "TH Nam"]
    assert 'name="co_quan"' in page
    assert _rows(client.get("/", {"co_quan": north.code}).text) == ["TH Bắc"]
    # a body outside the province's scope is not a choice: ignored, never showing more
    outside = authority_make()
    crafted_school(authority=outside, name="TH Ngoài")
    assert sorted(_rows(client.get("/", {"co_quan": outside.code}).text)) == ["TH Bắc", "TH Nam"]


def test_scope_never_reaches_outside_the_host_authority():
    from portal.selectors.scope import scope_ids

    province = authority_make(kind="province")
    district = authority_make(parent=province)
    outside = authority_make()
    assert set(scope_ids(province)) == {province.pk, district.pk}
    assert scope_ids(province, within=district.code) == [district.pk]
    assert scope_ids(province, within=outside.code) == []
    assert scope_ids(district, within=province.code) == []


def test_sorting(portal_client, authority, frozen_now):
    low = crafted_school(authority=authority, name="A Thấp")
    high = crafted_school(authority=authority, name="B Cao")
    result(low, status="missing", due_at=local(2026, 11, 9, 12))
    result(high, status="on_time", due_at=local(2026, 11, 9, 12))
    client = portal_client(authority)
    assert _rows(client.get("/", {"sap_xep": "-diem-thang"}).text) == ["B Cao", "A Thấp"]
    assert _rows(client.get("/", {"sap_xep": "diem-thang"}).text) == ["A Thấp", "B Cao"]
    assert _rows(client.get("/", {"sap_xep": "-ten"}).text) == ["B Cao", "A Thấp"]


def test_weekly_trend_for_the_authority_and_each_school(portal_client, authority, frozen_now):
    one, two = crafted_school(authority=authority), crafted_school(authority=authority)
    # week of 09/11: one on time, one missing → 50 %; week of 16/11: both on time → 100 %
    result(one, status="on_time", due_at=local(2026, 11, 9, 12))
    result(two, status="missing", due_at=local(2026, 11, 9, 12))
    result(one, status="on_time", due_at=local(2026, 11, 16, 12))
    result(two, status="on_time", due_at=local(2026, 11, 16, 12))
    text = portal_client(authority).get("/").text
    charts = re.findall(r'<svg class="trend"[^>]*aria-label="([^"]+)"', text)
    authority_chart = charts[0]
    assert "tuần 09/11: 50%" in authority_chart and "tuần 16/11: 100%" in authority_chart
    assert any("tuần 09/11: 0%" in c and "tuần 16/11: 100%" in c for c in charts[1:])
    assert "<polyline" in text and "<script" not in text


def test_the_authority_trend_counts_the_schools_of_every_page(portal_client, authority, frozen_now):
    """The page shows 50 schools; the authority's trend is every listed school's, a week split
    by a month end is one point, and a school filtered out is not in it."""
    for n in range(50):
        school = crafted_school(authority=authority, name=f"A {n:02d}")
        result(school, status="on_time", due_at=local(2026, 11, 1, 12))  # Sunday
    late_page = crafted_school(authority=authority, name="Z Trang Hai", levels=("primary",))
    result(late_page, status="missing", due_at=local(2026, 11, 1, 12))
    result(late_page, status="missing", due_at=local(2026, 10, 30, 12), rule="work-schedule")
    client = portal_client(authority)

    def authority_chart(**params):
        text = client.get("/", params).text
        return re.findall(r'<svg class="trend"[^>]*aria-label="([^"]+)"', text)[0]

    assert "Z Trang Hai" not in _rows(client.get("/").text)
    assert "tuần 26/10: 96,2%" in authority_chart()  # 50 of 52, as the tables write it
    assert "tuần 26/10: 100%" in authority_chart(cap="lower_secondary")


def test_the_dashboard_is_three_statements_whatever_the_number_of_schools(
    portal_client, authority, frozen_now
):
    client = portal_client(authority)

    def statements():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/").status_code == 200
        return len(captured)

    def add_schools(count):
        for _ in range(count):
            school = crafted_school(authority=authority)
            for week in (2, 9, 16):
                result(school, status="on_time", due_at=local(2026, 11, week, 12))
            evaluated(school)

    add_schools(2)
    few = statements()
    add_schools(60)  # more than a page
    many = statements()
    assert few == many
    with CaptureQueriesContext(connection) as captured:
        client.get("/")
    # the figures and the trend from the week tallies, the page's rule statuses from the results
    tallies = [q for q in captured if "compliance_weektally" in q["sql"]]
    results_queries = [q for q in captured if "compliance_obligationresult" in q["sql"]]
    assert (len(tallies), len(results_queries)) == (2, 1)


def test_paging_and_show_all(portal_client, authority, frozen_now):
    for i in range(55):
        crafted_school(authority=authority, name=f"Trường {i:02d}")
    client = portal_client(authority)
    first = client.get("/").text
    assert len(_rows(first)) == 50 and "trang 1/2" in first
    assert _rows(client.get("/", {"trang": "2"}).text) == [f"Trường {i:02d}" for i in range(50, 55)]
    assert len(_rows(client.get("/", {"trang": "tat-ca"}).text)) == 55


def test_dates_are_shown_in_local_time(portal_client, authority, frozen_now):
    school = crafted_school(authority=authority)
    evaluated(school, last_published_at=dt.datetime(2026, 11, 18, 20, 0, tzinfo=dt.UTC))
    assert "19/11/2026 03:00" in portal_client(authority).get("/").text
