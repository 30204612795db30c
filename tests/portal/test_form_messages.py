"""A refused form keeps every value typed and says which field and what is expected, never
Django's bare "Trường này là bắt buộc." (portal/form_errors.py; the views re-render the bound
form with status 400 instead of redirecting and losing it)."""

import html

import pytest

import portal.forms
import portal.views.calendar
import portal.workplace_forms
import reminders.announce_views
from portal.form_errors import ExplainedForm
from reports.generation import monthly_report_generate
from tests.crafting import month_of_each_category
from tests.factories import school_make

pytestmark = pytest.mark.django_db
BARE = "Trường này là bắt buộc"


def _forms():
    modules = (
        portal.forms,
        portal.workplace_forms,
        portal.views.calendar,
        reminders.announce_views,
    )
    return [
        obj
        for module in modules
        for obj in vars(module).values()
        if isinstance(obj, type) and issubclass(obj, ExplainedForm) and obj is not ExplainedForm
    ]


def test_every_portal_form_explains_its_empty_fields():
    forms = _forms()
    assert len(forms) >= 10
    for form_class in forms:
        form = form_class(data={})
        assert not form.is_valid()
        for name, errors in form.errors.items():
            label = str(form.fields[name].label)
            for error in errors:
                assert BARE not in error, f"{form_class.__name__}.{name}"
                # the form's own sentence for that field, or one naming the field
                expected = str(form_class.expected.get(name, ""))
                assert error == expected or label.split(" (")[0] in error, (
                    f"{form_class.__name__}.{name}: {error}"
                )


def test_report_creation_keeps_the_month_and_explains(portal_client, authority, frozen_now):
    client = portal_client(authority, "admin")
    empty = client.post("/quan-ly/bao-cao/tao/", {"thang": ""})
    assert empty.status_code == 400
    assert "Chọn tháng báo cáo (mm/yyyy), ví dụ 11/2026." in empty.text
    assert BARE not in empty.text

    typo = client.post("/quan-ly/bao-cao/tao/", {"thang": "13/2026"})
    assert typo.status_code == 400 and 'value="13/2026"' in typo.text
    assert "Tháng báo cáo: “13/2026” không phải là một tháng hợp lệ" in html.unescape(typo.text)

    early = client.post("/quan-ly/bao-cao/tao/", {"thang": "11/2026"})  # the clock: 11/2026
    assert early.status_code == 400 and 'value="11/2026"' in early.text
    assert "Tháng 11/2026 chưa kết thúc" in early.text


DOCUMENT = {
    "doc_number": "7",
    "doc_symbol": "TB-UBND",
    "doc_place": "Phong Điền",
    "doc_date": "01/11/2026",
    "issuer_parent": "",
    "signer_title": "CHỦ TỊCH",
    "signer_name": "",
    "recipients": "Các trường;\nLưu: VT.",
    "cover_note": "Đề nghị khắc phục trước 10/11.",
}


def test_the_document_form_keeps_what_was_typed(portal_client, authority, frozen_now):
    month_of_each_category(authority)
    monthly_report_generate(authority=authority, month="2026-10")
    client = portal_client(authority, "admin")
    refused = client.post("/quan-ly/bao-cao/2026-10/van-ban/", DOCUMENT)
    assert refused.status_code == 400
    page = html.unescape(refused.text)
    assert "Ghi họ tên người ký, ví dụ Nguyễn Văn An." in page
    for name in ("doc_number", "doc_symbol", "doc_place", "doc_date"):
        assert f'name="{name}" value="{DOCUMENT[name]}"' in page, name
    assert "Đề nghị khắc phục trước 10/11." in page and "CHỦ TỊCH" in page

    regenerate = client.post("/quan-ly/bao-cao/2026-10/tao-lai/", {"reason": ""})
    assert regenerate.status_code == 400 and "Ghi lý do tạo lại báo cáo" in regenerate.text


def test_the_message_form_keeps_subject_and_body(portal_client, authority):
    school_make(authority=authority, principal_email="ht@a.vn")
    client = portal_client(authority, "admin")
    refused = client.post(
        "/quan-ly/nhac-nho/gui/", {"target": "all", "subject": "Nhắc cập nhật", "body": ""}
    )
    assert refused.status_code == 400
    assert 'value="Nhắc cập nhật"' in refused.text
    assert "Ghi nội dung thư gửi các trường." in refused.text
    no_report = client.post(
        "/quan-ly/nhac-nho/gui/",
        {"target": "category", "category": "incomplete", "month": "08/2026",
         "subject": "Bổ sung", "body": "Đề nghị bổ sung mục còn thiếu."},
    )  # fmt: skip
    assert no_report.status_code == 400
    assert "Chưa có báo cáo tháng 08/2026" in no_report.text
    assert "Đề nghị bổ sung mục còn thiếu.</textarea>" in no_report.text


def test_the_invitation_keeps_the_address(portal_client, authority):
    refused = portal_client(authority, "admin").post(
        "/quan-ly/nguoi-dung/moi/", {"email": "chuyen vien@xa", "role": "inspector"}
    )
    assert refused.status_code == 400
    assert 'value="chuyen vien@xa"' in refused.text
    assert "không phải là một địa chỉ e-mail hợp lệ" in refused.text


def test_a_rule_change_keeps_the_value_typed(portal_client, authority):
    refused = portal_client(authority, "admin").post(
        "/quan-ly/quy-dinh/letter-2015/news-weekly/", {"count": "ba", "hieu_luc": "05/12/2026"}
    )
    assert refused.status_code == 400
    page = refused.text
    assert 'id="rule-letter-2015-news-weekly" open' in page
    assert 'name="count" value="ba"' in page and 'value="05/12/2026"' in page
    assert "cần một số nguyên" in page


def test_a_refused_school_action_keeps_the_value(portal_client, authority):
    school = school_make(authority=authority)
    refused = portal_client(authority, "admin").post(
        f"/quan-ly/truong/{school.code}/hieu-truong/", {"email": "khong-phai-email"}
    )
    assert refused.status_code == 400
    assert 'value="khong-phai-email"' in refused.text
    assert 'role="alert"' in refused.text


def test_the_calendar_keeps_the_dates_typed(portal_client, authority):
    refused = portal_client(authority, "admin").post(
        "/quan-ly/lich-nam-hoc/luu/",
        {"nam": "2026", "hk1_bat_dau": "05/09/2026", "hk1_ket_thuc": "",
         "hk2_bat_dau": "18/01/2027", "hk2_ket_thuc": "31/05/2027", "tuan_nghi": "08/02/2027 Tết"},
    )  # fmt: skip
    assert refused.status_code == 400
    assert "Ghi ngày cuối học kỳ I (dd/mm/yyyy), ví dụ 16/01/2027." in refused.text
    assert 'value="05/09/2026"' in refused.text and "08/02/2027 Tết" in refused.text
