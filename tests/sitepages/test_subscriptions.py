"""E-mail subscriptions, read as a real SMTP server (aiosmtpd) receives them. The Celery tasks
run in-process here (`.apply()`: the task's own logic); tests/sitepages/
test_subscriptions_worker.py goes through the broker and a worker process."""

import datetime as dt
import re
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.utils import timezone
from django_tenants.utils import schema_context

from sitepages import models as m
from sitepages.calendar import local_today, monday_of
from sitepages.subscriptions.services import page_subscribers_notify
from sitepages.tasks import send_page_to_subscribers, send_subscription_confirmation
from tests.sitepages import smtp
from tests.sitepages.helpers import publish_child

smtp_server = smtp.smtp_server  # the fixture
pytestmark = pytest.mark.django_db
BOTH = ["urgent", "weekly-plan"]


def _subject(message) -> str:
    # Django folds a long encoded Subject onto the next line; the decoded value starts with
    # the folding's space, which mail clients drop.
    return str(message["Subject"]).strip()


def _link(text: str, path: str) -> str:
    return re.search(rf"https?://\S+{path}\S+/", text).group(0)


def _urgent(title="Nghỉ học do bão số 9"):
    return publish_child(
        m.NewsIndexPage.objects.get(),
        m.NewsPage(
            title=title,
            kind="urgent",
            summary="Học sinh nghỉ học ngày 30/11.",
            body="<p>Nghỉ</p>",
            received_at=timezone.now() - dt.timedelta(hours=1),
        ),
    )


def _subscribe(school, *emails, topics=BOTH):
    from sitepages.subscriptions.services import subscription_confirm
    from sitepages.subscriptions.tokens import confirm_token_make

    with schema_context(school.schema_name):
        for address in emails:
            token = confirm_token_make(email=address, topics=topics)
            subscription_confirm(token=token, now=timezone.now())


def test_subscribe_confirm_receive_and_unsubscribe_over_smtp_with_tasks_applied_in_process(
    client, school, host, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as queued:
        response = client.post(
            "/theo-doi/dang-ky/",
            {"email": " Lan.PhuHuynh@Example.com ", "topics": BOTH},
            HTTP_HOST=host,
        )
    assert response.status_code == 200
    assert "Hãy mở thư xác nhận" in response.content.decode()
    assert len(queued) == 1 and smtp_server.messages == []  # a task after commit, not here
    with schema_context(school.schema_name):
        assert not m.Subscriber.objects.exists()  # double opt-in: nothing stored yet

    send_subscription_confirmation.apply(
        args=(school.schema_name, "lan.phuhuynh@example.com", BOTH)
    ).get()
    (confirmation,) = smtp_server.messages
    assert confirmation["To"] == "lan.phuhuynh@example.com"
    assert _subject(confirmation) == (f"[{school.name}] Xác nhận đăng ký nhận tin qua thư điện tử")
    body = confirmation.get_content()
    assert "Thông báo khẩn, Kế hoạch tuần" in body
    confirm_url = _link(body, "/theo-doi/xac-nhan/")
    assert urlsplit(confirm_url).hostname == host
    page = client.get(urlsplit(confirm_url).path, HTTP_HOST=host)
    assert page.status_code == 200 and "Đã đăng ký nhận tin" in page.content.decode()
    with schema_context(school.schema_name):
        subscriber = m.Subscriber.objects.get()
        assert subscriber.email == "lan.phuhuynh@example.com"
        assert subscriber.topics == BOTH

    with schema_context(school.schema_name):
        with django_capture_on_commit_callbacks(execute=False) as queued:
            notice = _urgent()
    assert queued and len(smtp_server.messages) == 1  # publishing sent nothing itself
    assert send_page_to_subscribers.apply(args=(school.schema_name, notice.pk)).get() == 1
    message = smtp_server.messages[-1]
    assert _subject(message) == f"[{school.name}] Thông báo khẩn: Nghỉ học do bão số 9"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe_url = str(message["List-Unsubscribe"]).strip().strip("<>")
    assert unsubscribe_url.startswith("http") and "/theo-doi/huy/" in unsubscribe_url
    text = message.get_content()
    assert "Học sinh nghỉ học ngày 30/11." in text and unsubscribe_url in text

    # the task delivered again (a worker lost, a retry) sends nothing twice
    assert send_page_to_subscribers.apply(args=(school.schema_name, notice.pk)).get() == 0
    assert len(smtp_server.messages) == 2

    # the link in the body shows a button; the one-click POST works without a CSRF token
    path = urlsplit(unsubscribe_url).path
    strict = Client(enforce_csrf_checks=True)
    shown = strict.get(path, HTTP_HOST=host)
    assert shown.status_code == 200 and "Hủy đăng ký" in shown.content.decode()
    with schema_context(school.schema_name):
        assert m.Subscriber.objects.exists()  # opening the link alone changes nothing
    done = strict.post(
        path,
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
        HTTP_HOST=host,
    )
    assert done.status_code == 200 and "Đã hủy đăng ký" in done.content.decode()
    with schema_context(school.schema_name):
        assert not m.Subscriber.objects.exists()


def test_a_page_goes_out_in_batches_over_one_connection_each(school, smtp_server):
    addresses = [f"ph{number}@example.com" for number in range(7)]
    _subscribe(school, *addresses)
    _subscribe(school, "chi-ke-hoach@example.com", topics=["weekly-plan"])
    with schema_context(school.schema_name):
        notice = _urgent()
        sent = page_subscribers_notify(page_id=notice.pk, now=timezone.now(), batch_size=3)
        assert m.SubscriptionDelivery.objects.filter(page_id=notice.pk).count() == 7
    assert sent == 7
    assert sorted(msg["To"] for msg in smtp_server.messages) == sorted(addresses)
    assert len(set(smtp_server.sessions)) == 3  # 3 + 3 + 1


def test_a_weekly_plan_goes_to_its_subscribers_only_for_a_current_or_coming_week(
    school, smtp_server
):
    _subscribe(school, "ke-hoach@example.com", topics=["weekly-plan"])
    _subscribe(school, "khan@example.com", topics=["urgent"])
    monday = monday_of(local_today())
    with schema_context(school.schema_name):
        plans = m.PlanIndexPage.objects.get()
        old = publish_child(
            plans,
            m.WeeklyPlanPage(title="Kế hoạch tuần cũ", week_start=monday - dt.timedelta(14)),
        )
        coming = publish_child(
            plans,
            m.WeeklyPlanPage(title="Kế hoạch tuần tới", week_start=monday + dt.timedelta(7)),
        )
        ordinary = publish_child(
            m.NewsIndexPage.objects.get(), m.NewsPage(title="Tin thường", body="<p>x</p>")
        )
        now = timezone.now()
        assert page_subscribers_notify(page_id=old.pk, now=now) == 0
        assert page_subscribers_notify(page_id=ordinary.pk, now=now) == 0
        assert page_subscribers_notify(page_id=coming.pk, now=now) == 1
    (message,) = smtp_server.messages
    assert message["To"] == "ke-hoach@example.com"
    assert _subject(message) == f"[{school.name}] Kế hoạch tuần: Kế hoạch tuần tới"
    assert "Tuần" in message.get_content()  # the week's label, as parents read it


def test_subscribers_of_one_school_are_not_in_another_schools_schema(school, authority):
    from tests.factories import school_make

    other = school_make(authority=authority, name="THCS Lê Lợi")
    _subscribe(school, "chi-truong-a@example.com")
    with schema_context(other.schema_name):
        assert not m.Subscriber.objects.exists()
    with schema_context(school.schema_name):
        assert list(m.Subscriber.objects.values_list("email", flat=True)) == [
            "chi-truong-a@example.com"
        ]


def test_a_link_made_for_one_school_does_nothing_on_another(client, school, authority):
    from sitepages.subscriptions.tokens import cancel_token_make, confirm_token_make
    from tests.factories import school_make

    other = school_make(authority=authority, name="THCS Lê Lợi")
    _subscribe(school, "a@example.com")
    with schema_context(school.schema_name):
        confirm = confirm_token_make(email="b@example.com", topics=BOTH)
        cancel = cancel_token_make(email="a@example.com")
    other_host = other.provisioned.domain
    assert client.get(f"/theo-doi/xac-nhan/{confirm}/", HTTP_HOST=other_host).status_code == 400
    assert client.post(f"/theo-doi/huy/{cancel}/", HTTP_HOST=other_host).status_code == 400
    with schema_context(other.schema_name):
        assert not m.Subscriber.objects.exists()
    with schema_context(school.schema_name):
        assert m.Subscriber.objects.filter(email="a@example.com").exists()


def test_subscribing_is_rate_limited_per_address(client, host, settings):
    settings.SITEPAGES_SUBSCRIPTION_RATES = {"address": (1, 60)}
    data = {"email": "lan@example.com", "topics": ["urgent"]}
    assert client.post("/theo-doi/dang-ky/", data, HTTP_HOST=host).status_code == 200
    refused = client.post("/theo-doi/dang-ky/", data, HTTP_HOST=host)
    assert refused.status_code == 429
    assert "đã được gửi thư xác nhận nhiều lần" in refused.content.decode()


def test_the_form_asks_for_an_address_and_a_topic(client, host):
    response = client.post("/theo-doi/dang-ky/", {"email": "khong-phai-email"}, HTTP_HOST=host)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Địa chỉ thư điện tử chưa đúng" in html and "Hãy chọn ít nhất một loại tin." in html


def test_an_altered_or_expired_confirmation_is_refused(client, school, host):
    from sitepages.subscriptions.tokens import TokenInvalid, confirm_token_make, confirm_token_read

    with schema_context(school.schema_name):
        token = confirm_token_make(email="a@example.com", topics=BOTH)
        with pytest.raises(TokenInvalid):
            confirm_token_read(token, max_age=-1)
    response = client.get(f"/theo-doi/xac-nhan/{token[:-2]}xx/", HTTP_HOST=host)
    assert response.status_code == 400 and "không dùng được" in response.content.decode()


def test_a_notice_whose_send_was_never_queued_goes_out_with_the_sweep(school, smtp_server):
    from sitepages.subscriptions.services import subscription_confirm
    from sitepages.subscriptions.sweep import schemas_with_recent_notices
    from sitepages.subscriptions.tokens import confirm_token_make
    from sitepages.tasks import send_unsent_notices

    with schema_context(school.schema_name):
        _urgent()  # its on-commit task is never run here: as if the broker had been down
    now = timezone.now()
    assert schemas_with_recent_notices([school.schema_name], now=now) == []  # no subscriber
    with schema_context(school.schema_name):
        for address, confirmed in (("som@example.com", -1), ("muon@example.com", +1)):
            subscription_confirm(
                token=confirm_token_make(email=address, topics=["urgent"]),
                now=now + dt.timedelta(hours=confirmed),
            )
    assert schemas_with_recent_notices([school.schema_name], now=now) == [school.schema_name]
    later = now + dt.timedelta(hours=25)
    assert schemas_with_recent_notices([school.schema_name], now=later) == []
    assert send_unsent_notices.apply(args=(school.schema_name,)).get() == 1
    assert [message["To"] for message in smtp_server.messages] == ["som@example.com"]
    assert send_unsent_notices.apply(args=(school.schema_name,)).get() == 0
