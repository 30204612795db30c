"""/quan-ly/nhac-nho/ answers at once and a real Celery worker sends the e-mails after the
commit; the page's log shows each delivery's outcome (reminders/announcements.py)."""

import time

from django.test import Client

from reminders.models import AuthorityMessageDelivery
from tests.crafting import PASSWORD
from tests.factories import school_make
from tests.portal.test_browser_workplace import worker, workplace  # noqa: F401 — fixtures


def test_the_request_queues_and_the_worker_sends(workplace, worker):  # noqa: F811
    authority, email, tag = workplace
    schools = [
        school_make(authority=authority, domain=f"thcs-{n}-{tag}.localhost",
                    principal_email=f"ht{n}@{tag}.edu.vn")
        for n in range(3)
    ]  # fmt: skip
    client = Client(HTTP_HOST=authority.portal_domain)
    assert client.post("/dang-nhap/", {"username": email, "password": PASSWORD}).status_code == 302

    started = time.monotonic()
    response = client.post(
        "/quan-ly/nhac-nho/gui/",
        {"target": "all", "subject": "Nhắc cập nhật", "body": "Đề nghị cập nhật website."},
        follow=True,
    )
    assert time.monotonic() - started < 5
    assert "Đang gửi “Nhắc cập nhật” đến tất cả 3 trường: 3 thư" in response.text

    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        statuses = set(AuthorityMessageDelivery.objects.values_list("status", flat=True))
        if statuses == {"sent"}:
            break
        time.sleep(0.5)
    assert statuses == {"sent"}, statuses
    deliveries = AuthorityMessageDelivery.objects.order_by("school__name")
    assert [d.recipients for d in deliveries] == [[s.principal_email] for s in schools]
    log = client.get("/quan-ly/nhac-nho/").text
    assert log.count(": đã gửi</li>") == 3 and "chờ gửi" not in log
