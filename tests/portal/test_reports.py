"""The monthly report: the three categories, exactly once per (authority, month), publication,
the public pages and the command."""

import datetime as dt
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import IntegrityError, transaction

from compliance.models import ObligationResult
from reports import tasks
from reports.generation import (
    ReportError,
    monthly_report_generate,
    monthly_report_publish,
)
from reports.models import MonthlyReport, MonthlyReportEntry
from tests.factories import authority_make
from tests.portal.crafting import crafted_school, local, month_of_each_category, result

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
    with pytest.raises(ReportError, match="needs a reason"):
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
    with pytest.raises(ReportError, match="has not ended"):
        monthly_report_generate(authority=authority, month="2026-11")


def test_a_province_report_covers_the_districts_below_it(frozen_now):
    province = authority_make(kind="province")
    district = authority_make(parent=province)
    school = crafted_school(authority=district, name="TH Vùng Cao")
    report = monthly_report_generate(authority=province, month="2026-10").report
    entry = report.entries.get()
    assert entry.school_name == school.name and entry.authority_name == district.name


def test_the_beat_task_generates_last_month_once_for_every_authority(
    authority, frozen_now, monkeypatch
):
    month_of_each_category(authority)
    other = authority_make()
    crafted_school(authority=other)
    idle = authority_make()  # no schools: no report
    sent = []

    def run_now(*args):
        sent.append(args)
        return tasks.monthly_report_generate_for.apply(args=args).get()

    monkeypatch.setattr(tasks.monthly_report_generate_for, "delay", run_now)
    with pytest.MonkeyPatch.context() as clock:
        clock.setattr(tasks.timezone, "now", lambda: local(2026, 11, 1, 0, 5))
        assert tasks.monthly_reports_generate() == 2
        assert tasks.monthly_reports_generate() == 2  # a re-run of the whole job
    assert sorted(sent) == sorted([(authority.pk, "2026-10"), (other.pk, "2026-10")] * 2)
    assert set(MonthlyReport.objects.values_list("authority_id", "month")) == {
        (authority.pk, "2026-10"),
        (other.pk, "2026-10"),
    }
    assert not MonthlyReport.objects.filter(authority=idle).exists()
    assert all(r.generations.count() == 1 for r in MonthlyReport.objects.all())


def test_publishing_with_a_signed_note_or_as_is(authority, frozen_now):
    month_of_each_category(authority)
    report = monthly_report_generate(authority=authority, month="2026-10").report
    with pytest.raises(ReportError, match="must be signed"):
        monthly_report_publish(report=report, published_by="a", cover_note="Kính gửi các trường")
    published = monthly_report_publish(
        report=report, published_by="admin@pgd.vn", cover_note="Kính gửi các trường,\nđề nghị khắc phục.",
        signed_by="Trưởng phòng Nguyễn Văn An",
    )  # fmt: skip
    assert published.is_published and published.published_at == frozen_now
    assert published.signed_by == "Trưởng phòng Nguyễn Văn An"
    with pytest.raises(ReportError, match="already published"):
        monthly_report_publish(report=published, published_by="admin@pgd.vn")
    september = monthly_report_generate(authority=authority, month="2026-09").report
    assert monthly_report_publish(report=september, published_by="x").cover_note == ""


def test_drafts_are_not_public_published_reports_are(client, authority, frozen_now):
    schools = month_of_each_category(authority)
    report = monthly_report_generate(authority=authority, month="2026-10").report
    host = {"HTTP_HOST": authority.portal_domain}
    assert client.get("/bao-cao/2026-10/", **host).status_code == 404
    assert client.get("/bao-cao/2026-10.json", **host).status_code == 404
    monthly_report_publish(
        report=report,
        published_by="a",
        cover_note="Đề nghị các trường khắc phục.",
        signed_by="Trưởng phòng Lê Thị Bình",
    )
    page = client.get("/bao-cao/2026-10/", **host)
    assert page.status_code == 200
    text = page.text
    for heading in ("Chưa cập nhật", "Cập nhật thiếu", "Cập nhật không thường xuyên"):
        assert heading in text
    assert schools["did_not_update"].name in text and schools["compliant"].name not in text
    assert "Lịch công tác tuần — tuần từ" in text  # the incomplete school's missing item
    assert "trễ 20 giờ 0 phút" in text
    assert "Trưởng phòng Lê Thị Bình" in text
    assert "/bao-cao/2026-10/" in client.get("/", **host).text  # listed on the public home
    assert "2026-10" in client.get("/bao-cao/", **host).text


def test_regenerating_a_published_report_shows_the_reason_publicly(client, authority, frozen_now):
    month_of_each_category(authority)
    report = monthly_report_generate(authority=authority, month="2026-10").report
    monthly_report_publish(report=report, published_by="a")
    monthly_report_generate(
        authority=authority, month="2026-10", regenerate=True, reason="Sửa lỗi dữ liệu trường X"
    )
    text = client.get("/bao-cao/2026-10/", HTTP_HOST=authority.portal_domain).text
    assert "tạo lại — Sửa lỗi dữ liệu trường X" in text


def test_admin_publishes_from_the_portal(portal_client, authority, frozen_now):
    month_of_each_category(authority)
    monthly_report_generate(authority=authority, month="2026-10")
    client = portal_client(authority, "admin")
    draft = client.get("/bao-cao/2026-10/").text
    assert "Bản nháp" in draft and "Công bố" in draft
    refused = client.post(
        "/quan-ly/bao-cao/2026-10/cong-bo/", {"cover_note": "Lời dẫn", "signed_by": ""}, follow=True
    )
    assert "Lời dẫn cần có người ký" in refused.text
    assert not MonthlyReport.objects.get().is_published
    client.post("/quan-ly/bao-cao/2026-10/cong-bo/", {"cover_note": "", "signed_by": ""})
    assert MonthlyReport.objects.get().is_published
    client.post("/quan-ly/bao-cao/2026-10/tao-lai/", {"reason": "Đánh giá lại sau sự cố"})
    assert MonthlyReport.objects.get().generations.last().reason == "Đánh giá lại sau sự cố"


def test_monthly_report_command(authority, frozen_now, tmp_path, capsys):
    month_of_each_category(authority)
    target = tmp_path / "bao-cao.json"
    call_command(
        "monthly_report",
        authority=authority.code,
        month="2026-10",
        format="json",
        output=str(target),
    )
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["month"] == "2026-10" and data["summary"]["schools"] == 4
    call_command("monthly_report", authority=authority.code, month="2026-10")
    assert "already generated, unchanged" in capsys.readouterr().out
    xlsx = tmp_path / "bao-cao.xlsx"
    call_command(
        "monthly_report", authority=authority.code, month="2026-10", format="xlsx", output=str(xlsx)
    )
    assert xlsx.read_bytes()[:2] == b"PK"
    assert MonthlyReport.objects.get().generations.count() == 1


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"authority": "khong-ton-tai", "month": "2026-10"}, "unknown authority 'khong-ton-tai'"),
        ({"month": "2026-13"}, "invalid month '2026-13': expected YYYY-MM"),
        ({"month": "10/2026"}, "invalid month '10/2026'"),
        ({"month": "2026-11"}, "month 2026-11 has not ended yet"),
        ({"month": "2026-10", "regenerate": True}, "needs a reason"),
    ],
)
def test_monthly_report_command_bad_input(authority, frozen_now, options, message):
    options = {"authority": authority.code, **options}
    with pytest.raises(CommandError, match=message.replace("(", r"\(")):
        call_command("monthly_report", **options)
    assert not MonthlyReport.objects.exists()


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


def test_the_report_waits_for_evaluations_made_after_the_month_ended(
    authority, frozen_now, monkeypatch
):
    school = crafted_school(authority=authority)
    result(school, status="on_time", due_at=local(2026, 10, 12, 12))
    from tests.portal.crafting import evaluated

    evaluated(school, as_of=local(2026, 10, 31, 16))  # not yet re-evaluated after 31 October
    checks = []
    real = tasks.schools_evaluated_before

    def counted(**kwargs):
        checks.append(kwargs["moment"])
        return real(**kwargs)

    monkeypatch.setattr(tasks, "schools_evaluated_before", counted)
    created = tasks.monthly_report_generate_for.apply(args=(authority.pk, "2026-10")).get()
    # retried STALE_RETRIES times (5 minutes apart on a real worker), then generated anyway
    assert created is True and len(checks) == tasks.STALE_RETRIES + 1
    assert checks[0] == local(2026, 11, 1)
    report = MonthlyReport.objects.get()
    assert report.evaluated_as_of == local(2026, 10, 31, 16)  # the report says what it used

    checks.clear()
    evaluated(school, as_of=local(2026, 11, 1, 0, 2))
    assert tasks.monthly_report_generate_for.apply(args=(authority.pk, "2026-09")).get() is True
    assert len(checks) == 1
