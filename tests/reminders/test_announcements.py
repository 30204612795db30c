"""/quan-ly/nhac-nho/: an admin sends a message now to one school, to last month's
"cập nhật thiếu" schools or to all; each school's principal and editors get one e-mail, every
delivery is logged; inspectors cannot send."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django_tenants.utils import schema_context

from portal.models import AuditEntry
from reminders.announcements import authority_message_deliver
from reminders.models import AuthorityMessage, AuthorityMessageDelivery
from reports.generation import monthly_report_generate
from tests.crafting import month_of_each_category
from tests.factories import school_make

pytestmark = pytest.mark.django_db


def test_one_school_gets_the_message_at_its_principal_and_editors(
    portal_client, authority, django_capture_on_commit_callbacks
):
    school = school_make(authority=authority, principal_email="ht@truong.edu.vn")
    with schema_context(school.schema_name):
        editor = get_user_model().objects.create_user("bt@truong.edu.vn", "bt@truong.edu.vn")
        from django.contrib.auth.models import Group

        editor.groups.add(Group.objects.get(name="Biên tập viên"))
    client = portal_client(authority, "admin")
    page = client.get("/quan-ly/nhac-nho/")
    assert page.status_code == 200 and "Gửi ngay" in page.text
    with django_capture_on_commit_callbacks() as after_commit:
        response = client.post(
            "/quan-ly/nhac-nho/gui/",
            {"target": "one", "school": school.code, "subject": "Nhắc đăng kế hoạch tuần",
             "body": "Đề nghị nhà trường đăng kế hoạch tuần trước 12:00 thứ Hai."},
            follow=True,
        )  # fmt: skip
    # the request only records and queues: nothing is mailed inside it
    assert "Đang gửi “Nhắc đăng kế hoạch tuần” đến " in response.text and ": 1 thư" in response.text
    assert not mail.outbox and len(after_commit) == 1
    assert AuthorityMessageDelivery.objects.get().status == "queued"
    assert "chờ gửi" in client.get("/quan-ly/nhac-nho/").text

    sent = AuthorityMessage.objects.get()
    assert authority_message_deliver(message_id=sent.pk) == 1  # what the worker's task runs
    assert authority_message_deliver(message_id=sent.pk) == 0  # redelivered: nothing twice
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert sorted(message.to) == ["bt@truong.edu.vn", "ht@truong.edu.vn"]
    assert message.subject == f"[{authority.name}] Nhắc đăng kế hoạch tuần"
    assert "Đề nghị nhà trường đăng kế hoạch tuần" in message.body
    delivery = AuthorityMessageDelivery.objects.get()
    assert delivery.status == "sent" and delivery.school == school
    assert AuditEntry.objects.filter(action="message_send").exists()
    assert school.name in client.get("/quan-ly/nhac-nho/").text  # the log


def test_last_months_incomplete_schools_only(portal_client, authority, frozen_now):
    schools = month_of_each_category(authority)
    monthly_report_generate(authority=authority, month="2026-10")
    client = portal_client(authority, "admin")
    client.post(
        "/quan-ly/nhac-nho/gui/",
        {"target": "category", "category": "incomplete", "month": "10/2026",
         "subject": "Bổ sung mục còn thiếu", "body": "Đề nghị bổ sung."},
    )  # fmt: skip
    sent = AuthorityMessage.objects.get()
    assert sent.audience == "1 trường cập nhật thiếu tháng 10/2026"
    assert [d.school for d in sent.deliveries.all()] == [schools["incomplete"]]

    refused = client.post(
        "/quan-ly/nhac-nho/gui/",
        {"target": "category", "category": "incomplete", "month": "2026-08",
         "subject": "x", "body": "y"},
        follow=True,
    )  # fmt: skip
    assert "Chưa có báo cáo tháng 08/2026" in refused.text
    assert AuthorityMessage.objects.count() == 1


def test_inspectors_cannot_send(portal_client, authority):
    school_make(authority=authority, principal_email="ht@a.vn")
    client = portal_client(authority, "inspector")
    assert "Gửi ngay" not in client.get("/quan-ly/nhac-nho/").text
    response = client.post("/quan-ly/nhac-nho/gui/", {"target": "all", "subject": "x", "body": "y"})
    assert response.status_code == 403 and "chỉ được xem" in response.text
    assert not mail.outbox and not AuthorityMessage.objects.exists()


def test_a_lost_send_is_queued_again_and_still_mails_once(portal_client, authority):
    import datetime as dt

    from django.utils import timezone

    from reminders.announcements import authority_messages_requeue

    school_make(authority=authority, principal_email="ht@a.vn")
    client = portal_client(authority, "admin")
    client.post("/quan-ly/nhac-nho/gui/", {"target": "all", "subject": "x", "body": "y"})
    message = AuthorityMessage.objects.get()  # its send after the commit never ran
    now = timezone.now()
    assert authority_messages_requeue(now=now) == 0  # too recent: the first send may be on its way
    assert authority_messages_requeue(now=now + dt.timedelta(minutes=11)) == 1
    authority_message_deliver(message_id=message.pk)
    assert authority_messages_requeue(now=now + dt.timedelta(minutes=11)) == 0
    assert len(mail.outbox) == 1


def test_this_months_laggards_are_chosen_by_the_dashboards_rating_so_far(
    portal_client, authority, frozen_now
):
    """No list exists yet for the month under way: its rating so far (each school's last
    evaluation, what the dashboard shows) chooses the schools (the trial could not remind them)."""
    from compliance.models import SchoolEvaluation

    behind, other = school_make(authority=authority), school_make(authority=authority)
    for school, category in ((behind, "did_not_update"), (other, "incomplete")):
        SchoolEvaluation.objects.create(
            school=school, as_of=frozen_now, evaluated_at=frozen_now, month_category=category
        )
    client = portal_client(authority, "admin")
    client.post(
        "/quan-ly/nhac-nho/gui/",
        {"target": "category", "category": "did_not_update", "month": "11/2026",
         "subject": "Cập nhật website", "body": "Đề nghị cập nhật."},
    )  # fmt: skip
    sent = AuthorityMessage.objects.get()
    assert [d.school for d in sent.deliveries.all()] == [behind]
    assert "tháng 11/2026 (tạm tính, tháng chưa kết thúc)" in sent.audience
