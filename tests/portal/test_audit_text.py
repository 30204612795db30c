"""The workplace's histories speak in words: every audit action's before/after as a specialist
reads it (no role, status or level codes, no JSON), and rule parameters in words."""

import pytest

from compliance.selectors import bundled_rulesets
from portal.audit_text import audit_change_text
from portal.models import AuditEntry
from portal.rule_params import deadline_text, params_text

Action = AuditEntry.Action

# What each service stores (portal/services/*, reminders/announcements.py) → what people read.
SAMPLES = {
    Action.SCHOOL_CREATE: (
        {},
        {"name": "THCS Nguyễn Du", "domain": "thcs-nd.edu.vn", "levels": ["lower_secondary"]},
        "cấp học: Trung học cơ sở",
    ),
    Action.SCHOOL_SUSPEND: (
        {"status": "active"},
        {"status": "suspended"},
        "Đang hoạt động → Tạm ngừng",
    ),
    Action.SCHOOL_RESUME: (
        {"status": "suspended"},
        {"status": "active"},
        "Tạm ngừng → Đang hoạt động",
    ),
    Action.INVITATION_SEND: ({}, {"email": "ht@a.vn", "sent": True}, "Thư mời đến ht@a.vn: đã gửi"),
    Action.PRINCIPAL_CHANGE: ({"email": "a@a.vn"}, {"email": "b@a.vn"}, "a@a.vn → b@a.vn"),
    Action.DOMAIN_ADD: ({}, {"domain": "b.edu.vn"}, "tên miền: b.edu.vn"),
    Action.SCHOOLS_IMPORT: ({}, {"job": 7, "to_create": 30}, "Lần nhập số 7: 30 trường sẽ tạo"),
    Action.USER_INVITE: ({}, {"role": "inspector"}, "Vai trò: Thanh tra (chỉ xem)"),
    Action.USER_ROLE: ({"role": "admin"}, {"role": "inspector"}, "Quản trị → Thanh tra (chỉ xem)"),
    Action.USER_DEACTIVATE: ({"role": "admin"}, {}, "Vai trò trước khi khóa: Quản trị"),
    Action.REPORT_DOCUMENT: (
        {"doc_number": "", "doc_date": ""},
        {"doc_number": "12", "doc_date": "2026-12-01"},
        "số: — → 12; ngày ban hành: — → 01/12/2026",
    ),
    Action.CALENDAR_SET: (
        {"semester1": ["2026-09-05", "2027-01-16"], "breaks": [], "source": "default"},
        {"semester1": ["2026-09-05", "2027-01-16"], "breaks": [["2027-02-08", "Tết"]]},
        "tuần nghỉ: — → Tết (08/02/2027)",
    ),
    Action.MESSAGE_SEND: (
        {},
        {"audience": "3 trường cập nhật thiếu", "schools": 3},
        "Gửi đến 3 trường",
    ),
}
CODES = ("inspector", "admin", "suspended", "active", "lower_secondary", "True", "{", "[", "'")


def test_every_action_has_a_sample():
    assert set(SAMPLES) == set(Action)


@pytest.mark.parametrize("action", list(Action))
def test_every_action_reads_in_words(action):
    before, after, expected = SAMPLES[action]
    text = audit_change_text(AuditEntry(action=action, before=before, after=after))
    assert expected in text
    assert not any(code in text for code in CODES), text


def test_rule_parameters_in_words():
    rules = bundled_rulesets()["letter-2015"]
    news = rules.rule("news-weekly")
    assert params_text(news, {"count": 3}) == "tối thiểu 3 tin/tuần"
    weekly = rules.rule("weekly-plan")
    assert params_text(weekly, {"deadline": {"hours": 10}}) == "hạn: 10:00 thứ Hai"
    assert params_text(weekly, {"boundary": "before", "grace_minutes": 30}) == (
        "trước thời điểm hạn (đúng giờ hạn là trễ); cho thêm 30 phút sau hạn"
    )
    assert deadline_text({"days": -2}, period="teaching_week") == "thứ Bảy tuần trước"
    assert deadline_text({"month": 8, "day": 15}, period="school_year") == "ngày 15/08"
    assert deadline_text({"months": -1, "day": 25}, period="month") == "ngày 25 tháng trước"
