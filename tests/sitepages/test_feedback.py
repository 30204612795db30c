"""The feedback form: stored, e-mailed to the school in a batch (Celery, never on the request
path; the batch is run in-process here), and closed to bots by a honeypot."""

import pytest
from django.core import mail
from django_tenants.utils import schema_context
from wagtail.contrib.forms.models import FormSubmission

from sitepages import models as m
from sitepages.feedback import feedback_digest_send
from sitepages.models.admission import HONEYPOT_FIELD

pytestmark = pytest.mark.django_db

ANSWERS = {
    "ho_va_ten": "Phụ huynh Lan",
    "thu_dien_tu": "lan@example.com",
    "so_dien_thoai": "0912345678",
    "noi_dung_gop_y_cau_hoi": "Xin hỏi lịch họp phụ huynh?",
}


def test_form_renders_with_a_hidden_honeypot(client, host):
    html = client.get("/gop-y/", HTTP_HOST=host).content.decode()
    assert 'name="ho_va_ten"' in html and 'name="noi_dung_gop_y_cau_hoi"' in html
    assert f'name="{HONEYPOT_FIELD}"' in html and 'class="hp" aria-hidden="true"' in html


def test_submission_is_stored_and_mailed_to_the_contact_address(client, school, host):
    with schema_context(school.schema_name):
        contact = m.ContactPage.objects.get()
        contact.email = "thcs@example.edu.vn"
        contact.save_revision().publish()
    response = client.post("/gop-y/", ANSWERS, HTTP_HOST=host)
    assert response.status_code == 200 and "Cảm ơn bạn đã gửi góp ý" in response.content.decode()
    assert mail.outbox == []  # not on the request path
    with schema_context(school.schema_name):
        submission = FormSubmission.objects.get()
        assert submission.get_data()["noi_dung_gop_y_cau_hoi"] == "Xin hỏi lịch họp phụ huynh?"
        assert HONEYPOT_FIELD not in submission.get_data()
        sent = feedback_digest_send(page_id=submission.page_id, since=submission.submit_time)
    assert sent == 1 and len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["thcs@example.edu.vn"]
    assert message.subject == "Góp ý mới từ website của trường (1)"
    assert "Xin hỏi lịch họp phụ huynh?" in message.body


def test_explicit_to_address_wins(client, school, host):
    with schema_context(school.schema_name):
        form_page = m.FeedbackFormPage.objects.get()
        form_page.to_address = "hieutruong@example.edu.vn, vanthu@example.edu.vn"
        form_page.save_revision().publish()
    client.post("/gop-y/", ANSWERS, HTTP_HOST=host)
    with schema_context(school.schema_name):
        submission = FormSubmission.objects.get()
        feedback_digest_send(page_id=submission.page_id, since=submission.submit_time)
    assert mail.outbox[0].to == ["hieutruong@example.edu.vn", "vanthu@example.edu.vn"]


def test_filled_honeypot_is_refused_and_nothing_is_stored(client, school, host):
    response = client.post("/gop-y/", {**ANSWERS, HONEYPOT_FIELD: "http://spam"}, HTTP_HOST=host)
    assert response.status_code == 200
    assert "Không gửi được góp ý" in response.content.decode()
    with schema_context(school.schema_name):
        assert not FormSubmission.objects.exists()
    assert mail.outbox == []


def test_required_fields_are_checked(client, school, host):
    response = client.post("/gop-y/", {"ho_va_ten": "Lan"}, HTTP_HOST=host)
    assert 'role="alert"' in response.content.decode()
    with schema_context(school.schema_name):
        assert not FormSubmission.objects.exists()
