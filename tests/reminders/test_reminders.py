"""Reminders before deadlines, alerts when late, the weekly digest: to the right people only,
once, retried on a mail-server failure."""

import datetime as dt
import smtplib

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django_tenants.utils import schema_context

from reminders import tasks
from reminders.models import DigestLog, ReminderLog
from reminders.preferences import preference_save, preference_token
from reminders.selectors import opens_at
from sitepages.roles import EDITOR_GROUP
from tests.crafting import local, result
from tests.factories import school_make

pytestmark = pytest.mark.django_db


def _editor(school, email, group=EDITOR_GROUP):
    with schema_context(school.schema_name):
        user = get_user_model().objects.create_user(username=email, email=email)
        user.groups.add(Group.objects.get_or_create(name=group)[0])
    return email


@pytest.fixture
def two_schools(authority):
    first = school_make(
        authority=authority, name="THCS Lý Tự Trọng", principal_email="ht@lytutrong.edu.vn"
    )
    second = school_make(
        authority=authority, name="THCS Võ Thị Sáu", principal_email="ht@vothisau.edu.vn"
    )
    _editor(first, "bientap@lytutrong.edu.vn")
    _editor(first, "duyet@lytutrong.edu.vn", group="Hiệu trưởng")
    _editor(second, "bientap@vothisau.edu.vn")
    with schema_context(second.schema_name):  # not an editor: no reminders
        get_user_model().objects.create_user(
            username="khac@vothisau.edu.vn", email="khac@vothisau.edu.vn"
        )
    return first, second


@pytest.fixture
def tasks_in_process(monkeypatch):
    """Run the fan-out's tasks in-process (`.apply()`, no broker): these tests check the tasks'
    own logic (who is told, once, retries); the broker and a real worker are exercised by
    tests/compliance/test_pipeline.py."""
    for task in (tasks.reminders_send_school, tasks.digest_send_authority):
        monkeypatch.setattr(task, "delay", lambda *args, _t=task: _t.apply(args=args).get())


def _due_monday(school, rule="weekly-plan"):
    """An item of the week starting Monday 23/11/2026, due that Monday at 12:00."""
    return result(
        school, rule=rule, status="pending", due_at=local(2026, 11, 23, 12), period_key="2026-W48"
    )


def _by_recipient() -> dict[str, list]:
    found: dict[str, list] = {}
    for message in mail.outbox:
        for address in message.to:
            found.setdefault(address, []).append(message)
    return found


def test_weekly_items_are_announced_from_the_friday_before_and_monthly_ones_3_days_before():
    monday_noon = local(2026, 11, 23, 12)
    assert opens_at(period_key="2026-W48", due_at=monday_noon) == local(2026, 11, 20, 8)
    before_first = local(2026, 12, 1)  # "before 1 December"
    assert opens_at(period_key="2026-12", due_at=before_first) == local(2026, 11, 28)


def test_reminders_go_to_the_right_schools_people_only_and_once(
    two_schools, frozen_now, tasks_in_process
):
    first, second = two_schools
    # frozen_now is Friday 20/11/2026 10:00: Monday's weekly plan is announced
    _due_monday(first)
    _due_monday(second, rule="work-schedule")
    result(
        second,
        rule="monthly-plan",
        status="pending",
        due_at=local(2026, 12, 1),
        period_key="2026-12",
        month="2026-11",
    )  # 3 days before: not yet
    result(
        first,
        rule="weekly-plan",
        status="pending",
        due_at=local(2026, 11, 30, 12),
        period_key="2026-W49",
    )  # next week: not yet

    assert tasks.reminders_dispatch() == 2
    received = _by_recipient()
    assert set(received) == {
        "bientap@lytutrong.edu.vn", "duyet@lytutrong.edu.vn", "ht@lytutrong.edu.vn",
        "bientap@vothisau.edu.vn", "ht@vothisau.edu.vn",
    }  # fmt: skip
    for address in ("bientap@lytutrong.edu.vn", "ht@lytutrong.edu.vn"):
        (message,) = received[address]
        assert "THCS Lý Tự Trọng" in message.subject and "Võ Thị Sáu" not in message.body
        assert "Kế hoạch tuần — Tuần 12 (23/11 – 29/11/2026): hạn 23/11/2026 12:00" in message.body
    (theirs,) = received["bientap@vothisau.edu.vn"]
    assert "Lịch công tác tuần" in theirs.body and "Kế hoạch tháng" not in theirs.body
    assert "Lý Tự Trọng" not in theirs.body
    log = ReminderLog.objects.get(school=first)
    assert log.status == "sent" and log.kind == "before_due" and len(log.recipients) == 3

    mail.outbox.clear()
    assert tasks.reminders_dispatch() == 0  # a re-run sends nothing again
    assert mail.outbox == []
    assert ReminderLog.objects.count() == 2


def test_an_item_that_becomes_late_is_alerted_once(two_schools, frozen_now, tasks_in_process):
    first, _ = two_schools
    result(
        first,
        rule="weekly-plan",
        status="missing",
        due_at=local(2026, 11, 16, 12),
        period_key="2026-W47",
    )
    result(
        first,
        rule="work-schedule",
        status="late",
        due_at=local(2026, 11, 16, 12),
        period_key="2026-W47",
    )
    result(
        first,
        rule="weekly-plan",
        status="missing",
        due_at=local(2026, 10, 5, 12),
        period_key="2026-W41",
    )  # long ago
    tasks.reminders_dispatch()
    messages = _by_recipient()["bientap@lytutrong.edu.vn"]
    assert len(messages) == 1 and messages[0].subject.startswith("[Trễ hạn]")
    assert "2 mục đã quá hạn" in messages[0].subject
    assert "05/10/2026" not in messages[0].body
    mail.outbox.clear()
    tasks.reminders_dispatch()
    assert mail.outbox == []


def test_preferences_are_respected_and_set_through_the_signed_link(
    client, two_schools, frozen_now, tasks_in_process
):
    first, _ = two_schools
    token = preference_token(schema_name=first.schema_name, email="bientap@lytutrong.edu.vn")
    host = first.authority.portal_domain
    page = client.get(f"/thong-bao/{token}/", HTTP_HOST=host)
    assert "bientap@lytutrong.edu.vn" in page.text and "Nhắc trước hạn" in page.text
    client.post(f"/thong-bao/{token}/", {"when_late": "on"}, HTTP_HOST=host)  # before_due off
    assert client.get(f"/thong-bao/{token[:-2]}xx/", HTTP_HOST=host).status_code == 404
    _due_monday(first)
    tasks.reminders_dispatch()
    received = _by_recipient()
    assert "bientap@lytutrong.edu.vn" not in received
    assert "ht@lytutrong.edu.vn" in received
    # the footer of every message carries the recipient's own link
    assert "/thong-bao/" in received["ht@lytutrong.edu.vn"][0].body


def test_nobody_to_tell_is_logged_not_retried(authority, frozen_now, tasks_in_process):
    lonely = school_make(authority=authority)
    _due_monday(lonely)
    tasks.reminders_dispatch()
    assert mail.outbox == [] and ReminderLog.objects.get().status == "no_recipient"
    assert tasks.reminders_dispatch() == 0


def test_a_mail_server_failure_is_logged_and_retried(
    two_schools, frozen_now, tasks_in_process, monkeypatch
):
    first, _ = two_schools
    _due_monday(first)
    real_send = EmailBackend.send_messages
    calls = []

    def flaky(self, messages):
        calls.append(len(messages))
        if len(calls) == 1:
            raise smtplib.SMTPServerDisconnected("connection unexpectedly closed")
        return real_send(self, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", flaky)
    tasks.reminders_dispatch()
    assert len(calls) == 2  # failed, then retried by Celery (autoretry_for)
    log = ReminderLog.objects.get()
    assert log.status == "sent" and log.attempts == 2
    assert len(mail.outbox) == 3


def test_a_mail_server_that_stays_down_leaves_the_reminder_failed(
    two_schools, frozen_now, tasks_in_process, monkeypatch
):
    first, _ = two_schools
    _due_monday(first)

    def down(self, messages):
        raise smtplib.SMTPConnectError(421, "service not available")

    monkeypatch.setattr(EmailBackend, "send_messages", down)
    with pytest.raises(smtplib.SMTPConnectError):
        tasks.reminders_dispatch()
    log = ReminderLog.objects.get()
    assert log.status == "failed" and log.attempts == 6 and "421" in log.error
    assert tasks.reminders_dispatch() == 0  # given up after MAX_ATTEMPTS


def test_the_weekly_digest_goes_to_the_authoritys_admins_once(
    authority, portal_user, frozen_now, tasks_in_process
):
    from tests.crafting import crafted_school, evaluated

    school = crafted_school(authority=authority, name="TH Bản Tin")
    evaluated(school, category="incomplete")
    result(school, status="missing", due_at=local(2026, 11, 9, 12))
    admin = portal_user(authority, "admin")
    portal_user(authority, "inspector")
    optout = portal_user(authority, "admin", email="khong-nhan@pgd.vn")
    preference_save(
        schema_name="public",
        email=optout.email,
        before_due=True,
        when_late=True,
        weekly_digest=False,
    )
    # Monday 16/11 07:00: the digest covers the week of 09/11
    with pytest.MonkeyPatch.context() as clock:
        clock.setattr(tasks.timezone, "now", lambda: local(2026, 11, 16, 7))
        assert tasks.digests_send_weekly() == 1
        tasks.digests_send_weekly()
    (message,) = mail.outbox
    assert message.to == [admin.email]
    assert "tuần 09/11–15/11/2026" in message.subject
    assert DigestLog.objects.get().week == "2026-W46"
    assert "TH Bản Tin: 0 mục trễ, 1 mục thiếu" in message.body
    assert "cập nhật thiếu: 1 trường" in message.body
    assert DigestLog.objects.get().status == "sent"


def test_admins_choose_whether_they_get_the_digest(portal_client, authority):
    client = portal_client(authority, "admin")
    assert "Bản tin tổng hợp hằng tuần" in client.get("/thong-bao/").text
    client.post("/thong-bao/", {})
    from reminders.models import ReminderPreference

    assert ReminderPreference.objects.get(schema_name="public").weekly_digest is False


def test_reminders_never_read_a_school_schema_while_claiming(
    two_schools, frozen_now, django_assert_max_num_queries
):
    from reminders.services import reminders_claim

    first, second = two_schools
    for school in two_schools:
        _due_monday(school)
    with django_assert_max_num_queries(4):
        assert sorted(reminders_claim(now=dt.datetime.now(dt.UTC))) == sorted(
            [first.schema_name, second.schema_name]
        )
