"""Periods and items as people read them, in every report, export, panel and e-mail."""

from datetime import date

from compliance.presentation import period_text
from tenants.schoolcalendar.calendar import BreakWeek, SchoolCalendar, default_school_year
from tenants.schoolcalendar.calendar import school_year_with_breaks as with_breaks
from tenants.schoolcalendar.labels import period_label, semester_label


def test_machine_keys_become_vietnamese_labels():
    assert period_label("2026-W49") == "Tuần 13 (30/11 – 06/12/2026)"
    assert period_label("2026-12") == "Tháng 12/2026"
    assert period_label("2026-2027") == "Năm học 2026–2027"
    assert period_label("2026-2027/a4-1") == "Năm học 2026–2027"
    assert period_label("2026-2027/S2") == "Học kỳ II năm học 2026–2027"
    assert semester_label(2) == "Học kỳ II"
    assert period_label("2026-11-16") == "ngày 16/11/2026"


def test_week_numbers_follow_the_authoritys_breaks():
    year = with_breaks(
        base=default_school_year(school_year_start=2026),
        extra=[BreakWeek(date(2026, 11, 2), "mid_term")],
    )
    calendar = SchoolCalendar(years=(year,))
    assert period_label("2026-W49", calendar) == "Tuần 12 (30/11 – 06/12/2026)"
    assert period_label("2026-W45", calendar) == "Tuần nghỉ giữa học kỳ (02/11 – 08/11/2026)"


def test_a_page_obligation_is_named_by_its_title_never_its_number():
    evidence = [{"page_id": 51, "title": "Thông báo nghỉ học do bão", "url": "https://x/tin/"}]
    assert period_text("page:51", evidence=evidence) == "“Thông báo nghỉ học do bão”"
    assert "51" not in period_text("page:51", evidence=evidence)
    assert period_text("page:51") == "trang đã bị xóa"
