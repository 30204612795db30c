"""The monthly report: the three categories, exactly once per (authority, month), regeneration
with a reason, publication. Its pages are tested in tests/portal/test_reports.py, its command
in test_commands.py, its tasks in test_tasks.py."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from compliance.models import ObligationResult
from reports.generation import (
    ReportError,
    monthly_report_generate,
    monthly_report_publish,
)
from reports.models import MonthlyReport, MonthlyReportEntry
from tests.crafting import crafted_school, local, month_of_each_category, result
from tests.factories import authority_make

pytestmark = pytest.mark.django_db


def _categories(report) -> dict[str, str]:
    return dict(report.entries.values_list("school_name", "category"))


def test_the_three_categories_for_crafted_schools(authority, frozen_now):
    schools = month_of_each_category(authority)
    never = crafted_school(authority=authority, name="THCS Chưa Đánh Giá")
    report = monthly_report_generate(authority=authority, month="2026-10").report
    assert _categories(report) == {
        schools["did_not_update"].name: "did_not_update",
        schools["incomplete"].name: "incomplete",
        schools["irregular"].name: "irregular",
        schools["compliant"].name: "compliant",
        never.name: "not_evaluated",
    }
    incomplete = report.entries.get(category="incomplete")
    assert [i["rule"] for i in incomplete.missing_items] == ["work-schedule"]
    assert incomplete.missing_items[0]["title"] == "Lịch công tác tuần"
    late = report.entries.get(category="irregular").late_items
    assert late[0]["late_by_seconds"] == 20 * 3600
    assert report.entries.get(category="compliant").score == 100.0


def test_a_second_run_changes_nothing(authority, frozen_now):
    schools = month_of_each_category(authority)
    first = monthly_report_generate(authority=authority, month="2026-10")
    assert first.created
    entries = list(MonthlyReportEntry.objects.order_by("pk").values())
    # the results change afterwards (a late evaluation), the report stays as it was
    ObligationResult.objects.filter(school=schools["did_not_update"]).update(status="on_time")
    second = monthly_report_generate(authority=authority, month="2026-10")
    assert not second.created and not second.changed
    assert list(MonthlyReportEntry.objects.order_by("pk").values()) == entries
    assert second.report.generated_at == first.report.generated_at
    assert second.report.generations.count() == 1
    assert MonthlyReport.objects.count() == 1


def test_regeneration_needs_a_reason_which_is_recorded(authority, frozen_now):
    schools = month_of_each_category(authority)
    monthly_report_generate(authority=authority, month="2026-10")
    with pytest.raises(ReportError, match="Cần ghi lý do tạo lại"):
        monthly_report_generate(authority=authority, month="2026-10", regenerate=True, reason=" ")
    ObligationResult.objects.filter(school=schools["did_not_update"]).update(status="on_time")
    again = monthly_report_generate(
        authority=authority, month="2026-10", regenerate=True,
        reason="Trường đã đăng bù, kết quả đánh giá lại", requested_by="admin@pgd.vn",
    )  # fmt: skip
    assert again.regenerated
    report = again.report
    assert _categories(report)[schools["did_not_update"].name] == "compliant"
    history = list(report.generations.values_list("number", "reason", "requested_by"))
    assert history == [
        (1, "", ""),
        (2, "Trường đã đăng bù, kết quả đánh giá lại", "admin@pgd.vn"),
    ]


def test_a_killed_run_leaves_nothing_and_can_be_run_again(authority, frozen_now, monkeypatch):
    month_of_each_category(authority)

    def die(*args, **kwargs):
        raise SystemExit("worker killed while writing entries")

    monkeypatch.setattr(MonthlyReportEntry.objects, "bulk_create", die)
    with pytest.raises(SystemExit):
        monthly_report_generate(authority=authority, month="2026-10")
    assert not MonthlyReport.objects.exists() and not MonthlyReportEntry.objects.exists()
    monkeypatch.undo()
    rerun = monthly_report_generate(authority=authority, month="2026-10")
    assert rerun.created and rerun.report.entries.count() == 4


def test_the_database_refuses_a_second_report_for_the_same_month(authority, frozen_now):
    monthly_report_generate(authority=authority, month="2026-10")
    with pytest.raises(IntegrityError), transaction.atomic():
        MonthlyReport.objects.create(authority=authority, month="2026-10", generated_at=frozen_now)


def test_a_month_that_has_not_ended_has_no_report(authority, frozen_now):
    with pytest.raises(ReportError) as refused:
        monthly_report_generate(authority=authority, month="2026-11")
    assert str(refused.value) == (
        "Tháng 11/2026 chưa kết thúc: báo cáo tổng hợp cả tháng, nên chỉ tạo được từ ngày "
        "01/12/2026."
    )


def test_a_province_report_covers_the_districts_below_it(frozen_now):
    province = authority_make(kind="province")
    district = authority_make(parent=province)
    school = crafted_school(authority=district, name="TH Vùng Cao")
    report = monthly_report_generate(authority=province, month="2026-10").report
    entry = report.entries.get()
    assert entry.school_name == school.name and entry.authority_name == district.name


def test_publishing_with_a_signed_note_or_as_is(authority, frozen_now):
    month_of_each_category(authority)
    report = monthly_report_generate(authority=authority, month="2026-10").report
    with pytest.raises(ReportError, match="Nội dung dẫn phải có người ký"):
        monthly_report_publish(report=report, published_by="a", cover_note="Kính gửi các trường")
    published = monthly_report_publish(
        report=report, published_by="admin@pgd.vn", cover_note="Kính gửi các trường,\nđề nghị khắc phục.",
        signed_by="Trưởng phòng Nguyễn Văn An",
    )  # fmt: skip
    assert published.is_published and published.published_at == frozen_now
    assert published.signed_by == "Trưởng phòng Nguyễn Văn An"
    with pytest.raises(ReportError, match="Báo cáo tháng 10/2026 đã được công bố"):
        monthly_report_publish(report=published, published_by="admin@pgd.vn")
    september = monthly_report_generate(authority=authority, month="2026-09").report
    assert monthly_report_publish(report=september, published_by="x").cover_note == ""


def test_late_items_use_local_time(authority, frozen_now):
    school = crafted_school(authority=authority)
    result(
        school, status="late", due_at=local(2026, 10, 5, 12), late_by=dt.timedelta(days=2, hours=3)
    )
    report = monthly_report_generate(authority=authority, month="2026-10").report
    from reports.text import item_text

    assert item_text(report.entries.get().late_items[0]).endswith(
        "đăng 07/10/2026 15:00, trễ 2 ngày 3 giờ"
    )
