"""/quan-ly/quy-dinh/: the rules in force with their parameters in Vietnamese; a change
effective today goes through compliance's audited service and the next evaluation uses it; a
change for a later date waits for the nightly task; bad values are refused in Vietnamese."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest

from compliance.models import ObligationResult, RuleParameterChange, RuleParameterOverride
from compliance.services.evaluation import school_evaluate
from portal.models import PendingRuleChange
from portal.services.rules import rule_changes_apply
from tests.factories import school_make

pytestmark = pytest.mark.django_db
VN = ZoneInfo("Asia/Ho_Chi_Minh")


def test_the_page_shows_the_rules_and_their_meanings(portal_client, authority):
    page = portal_client(authority, "admin").get("/quan-ly/quy-dinh/")
    assert page.status_code == 200
    assert "Kế hoạch tuần" in page.text and "Tin tức sự kiện: ít nhất 02 tin mỗi tuần" in page.text
    assert "Số trang cần có (với quy định tần suất: số tin mỗi tuần học)" in page.text
    assert 'name="deadline" value="12:00"' in page.text  # Monday 12:00 for the weekly plan
    assert "Áp dụng từ ngày (dd/mm/yyyy)" in page.text
    headings = re.findall(r"<h2[^>]*>(.*?)</h2>", page.text, re.S)
    assert not [h for h in headings if "letter-2015" in h or "tt37-2020" in h]  # no codes


def test_a_change_today_is_audited_and_the_next_evaluation_uses_it(portal_client, authority):
    school = school_make(authority=authority)
    client = portal_client(authority, "admin")
    response = client.post(
        "/quan-ly/quy-dinh/letter-2015/weekly-plan/",
        {"deadline": "10:00", "hieu_luc": ""},
        follow=True,
    )
    assert "Đã áp dụng thay đổi quy định “Kế hoạch tuần”" in response.text
    override = RuleParameterOverride.objects.get(authority=authority, rule_id="weekly-plan")
    assert override.params == {"deadline": {"hours": 10}}
    change = RuleParameterChange.objects.get(authority=authority, rule_id="weekly-plan")
    assert change.changed_by == f"admin-{authority.code}@so-gd.edu.vn"
    assert change.before == {} and change.after == {"deadline": {"hours": 10}}
    history = client.get("/quan-ly/quy-dinh/").text.split("Lịch sử thay đổi")[1]
    assert "Kế hoạch tuần" in history
    assert "hạn: 12:00 thứ Hai (mặc định)" in history and "hạn: 10:00 thứ Hai" in history
    assert "letter-2015/weekly-plan" not in history and "{" not in history

    school_evaluate(school=school)
    due = [
        r.due_at.astimezone(VN)
        for r in ObligationResult.objects.filter(school=school, rule="weekly-plan")
    ]
    assert due and all((d.weekday(), d.hour, d.minute) == (0, 10, 0) for d in due)


def test_a_change_for_a_later_date_waits_for_its_day(portal_client, authority):
    client = portal_client(authority, "admin")
    later = dt.date.today() + dt.timedelta(days=10)
    response = client.post(
        "/quan-ly/quy-dinh/letter-2015/news-weekly/",
        {"count": "3", "hieu_luc": later.strftime("%d/%m/%Y")},
        follow=True,
    )
    assert f"áp dụng từ {later:%d/%m/%Y}" in response.text
    scheduled = response.text.split("Thay đổi đã lên lịch")[1].split("Lịch sử thay đổi")[0]
    assert "Tin tức sự kiện</strong>: tối thiểu 3 tin/tuần" in scheduled
    assert "news-weekly" not in scheduled and "{" not in scheduled
    assert not RuleParameterOverride.objects.filter(authority=authority).exists()
    assert PendingRuleChange.objects.get().params == {"count": 3}
    assert rule_changes_apply(today=later - dt.timedelta(days=1)) == 0
    assert rule_changes_apply(today=later) == 1
    assert RuleParameterOverride.objects.get(rule_id="news-weekly").params == {"count": 3}
    assert RuleParameterChange.objects.get(rule_id="news-weekly").changed_by.startswith("admin-")
    assert rule_changes_apply(today=later) == 0  # once
    history = client.get("/quan-ly/quy-dinh/").text.split("Lịch sử thay đổi")[1]
    assert "Tin tức sự kiện" in history
    assert "tối thiểu 2 tin/tuần (mặc định)" in history and "tối thiểu 3 tin/tuần" in history
    assert "letter-2015/news-weekly" not in history and "'count'" not in history


@pytest.mark.parametrize(
    "rule, data, message",
    [
        ("news-weekly", {"count": "0"}, "phải từ 1 trở lên"),
        ("news-weekly", {"count": "ba"}, "cần một số nguyên"),
        ("weekly-plan", {"deadline": "25:00"}, "giờ phải có dạng HH:MM"),
        ("weekly-plan", {"deadline": "10:00", "hieu_luc": "12/31/2026"}, "không có tháng 31"),
    ],
)
def test_bad_values_are_refused_in_vietnamese(portal_client, authority, rule, data, message):
    client = portal_client(authority, "admin")
    response = client.post(f"/quan-ly/quy-dinh/letter-2015/{rule}/", data, follow=True)
    assert message in response.text
    assert not RuleParameterOverride.objects.exists() and not PendingRuleChange.objects.exists()


def test_inspectors_see_the_rules_but_cannot_change_them(portal_client, authority):
    client = portal_client(authority, "inspector")
    page = client.get("/quan-ly/quy-dinh/")
    assert page.status_code == 200 and "Lưu thay đổi" not in page.text
    response = client.post("/quan-ly/quy-dinh/letter-2015/news-weekly/", {"count": "3"})
    assert response.status_code == 403 and "chỉ được xem" in response.text
    assert not RuleParameterOverride.objects.exists()
