"""A school's drill-down: a month's obligations, its history month by month, its principal."""

import datetime as dt

import pytest

from reports.generation import monthly_report_generate, monthly_report_publish
from tests.crafting import crafted_school, evaluated, local, result
from tests.factories import authority_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def school(authority):
    school = crafted_school(
        authority=authority, name="THCS Trần Phú", principal_email="hieutruong@tranphu.edu.vn"
    )
    evaluated(school, category="irregular")
    return school


def test_a_months_obligations_with_due_time_publication_delay_and_evidence(
    portal_client, authority, school, frozen_now
):
    result(
        school, rule="weekly-plan", status="late", due_at=local(2026, 10, 12, 12),
        late_by=dt.timedelta(hours=20, minutes=30), period_key="2026-W42",
        evidence=[{"page_id": 41, "title": "Kế hoạch tuần 7", "url": "http://tranphu.localhost/ke-hoach/tuan-7/"}],
    )  # fmt: skip
    result(
        school,
        rule="monthly-plan",
        status="missing",
        due_at=local(2026, 10, 1),
        month="2026-09",
        period_key="2026-10",
    )
    result(school, rule="work-schedule", status="on_time", due_at=local(2026, 11, 2, 12))
    # a standing section: its due_at is the moment it was last checked, not a deadline
    result(school, rule="organisation", kind="always_present", due_at=local(2026, 10, 31, 11, 13))
    page = portal_client(authority).get(f"/truong/{school.code}/", {"thang": "2026-10"}).text
    table = page[page.index("Các nghĩa vụ tháng 10/2026") : page.index("Xu hướng")]
    assert "Kế hoạch tuần" in table
    assert "12/10/2026 12:00" in table  # due, local time
    assert "Tuần 6 (12/10 – 18/10/2026)" in table  # the period in words, not its key
    assert "13/10/2026 08:30" in table  # published: 20 h 30 min late
    assert "20 giờ 30 phút" in table
    assert '<a href="http://tranphu.localhost/ke-hoach/tuan-7/">Kế hoạch tuần 7</a>' in table
    assert "trễ hạn" in table
    standing = next(row for row in table.split("<tr>") if "Tổ chức" in row)
    assert "thường xuyên" in standing and "31/10/2026 11:13" not in standing
    # September's monthly plan (due before 1 October) and November's items are not October's
    assert "Kế hoạch tháng" not in table and "Lịch công tác tuần" not in table


def test_a_long_list_of_evidence_shows_five_pages_and_the_rest_behind_a_disclosure(
    portal_client, authority, school, frozen_now
):
    pages = [
        {"page_id": n, "title": f"Tin số {n}", "url": f"http://tranphu.localhost/tin/{n}/"}
        for n in range(1, 13)
    ]
    result(school, rule="news", status="on_time", due_at=local(2026, 10, 12, 12), evidence=pages)
    page = portal_client(authority).get(f"/truong/{school.code}/", {"thang": "2026-10"}).text
    cell = page[page.index("Tin số 1<") - 60 : page.index("</details>")]
    assert cell.index("Tin số 5<") < cell.index("<details><summary>và 7 trang khác</summary>")
    assert cell.index("<summary>") < cell.index("Tin số 6<") and "Tin số 12<" in cell


def test_history_month_by_month_with_categories(portal_client, authority, school, frozen_now):
    result(school, status="missing", due_at=local(2026, 9, 14, 12))  # September: did not update
    result(school, status="on_time", due_at=local(2026, 10, 12, 12))  # October: compliant
    result(school, status="late", due_at=local(2026, 11, 9, 12))  # November: irregular
    monthly_report_generate(authority=authority, month="2026-10")
    monthly_report_publish(report=authority.monthly_reports.get(), published_by="admin")
    page = portal_client(authority).get(f"/truong/{school.code}/").text
    history = page[page.index("Lịch sử theo tháng") :]
    rows = history.split("<tr>")[2:]
    assert "tháng 11/2026" in rows[0] and "cập nhật không thường xuyên" in rows[0]
    assert "tháng 10/2026" in rows[1] and "đạt yêu cầu" in rows[1]
    assert "tháng 09/2026" in rows[2] and "chưa cập nhật" in rows[2]
    assert "tháng 07/2026" in rows[-1]
    # October's published category is shown beside the computed one
    assert rows[1].count("đạt yêu cầu") == 2
    # July and August had nothing due: not "đạt yêu cầu" (a school created today read
    # compliant for every month of the year before it existed)
    for row in rows[3:]:
        assert "chưa có nghĩa vụ đến hạn" in row and "đạt yêu cầu" not in row


def test_principal_contact_and_website(portal_client, authority, school, frozen_now):
    page = portal_client(authority).get(f"/truong/{school.code}/").text
    assert 'href="mailto:hieutruong@tranphu.edu.vn"' in page
    assert f"{school.domains.get().domain}" in page


def test_a_bad_month_falls_back_to_the_current_one_with_a_notice(
    portal_client, authority, school, frozen_now
):
    page = portal_client(authority).get(f"/truong/{school.code}/", {"thang": "2026-13"}).text
    assert "không phải là một tháng hợp lệ: hãy ghi tháng/năm, ví dụ 11/2026" in page
    assert "Các nghĩa vụ tháng 11/2026" in page


@pytest.mark.parametrize("typed", ["10/2026", "Tháng 10/2026", "2026-10"])
def test_the_month_input_shows_and_reads_month_slash_year(
    portal_client, authority, school, frozen_now, typed
):
    client = portal_client(authority)
    page = client.get(f"/truong/{school.code}/").text
    assert 'name="thang" type="text" inputmode="numeric" value="11/2026"' in page
    page = client.get(f"/truong/{school.code}/", {"thang": typed}).text
    assert "Các nghĩa vụ tháng 10/2026" in page and "không hợp lệ" not in page
    # What the input shows, it reads back.
    assert 'value="10/2026"' in page


def test_another_authoritys_school_is_not_found(portal_client, authority, frozen_now):
    elsewhere = crafted_school(authority=authority_make())
    assert portal_client(authority).get(f"/truong/{elsewhere.code}/").status_code == 404


def test_the_school_page_trend(portal_client, authority, school, frozen_now):
    result(school, status="on_time", due_at=local(2026, 11, 16, 12))
    result(school, status="missing", due_at=local(2026, 11, 17, 12), rule="work-schedule")
    page = portal_client(authority).get(f"/truong/{school.code}/").text
    assert "tuần 16/11: 50%" in page
