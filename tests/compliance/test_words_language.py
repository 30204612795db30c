"""What the school admin's compliance panel and the page checks say, in the editor's language.

Vietnamese by default: the reasons computed by the engine (the tooltip of each status), the
panel's headings, buttons and statuses, the pages' validation messages. An editor who chose
English in the admin reads the panel's words and the validation messages in English; the
stored reasons stay Vietnamese (computed once, by the pure engine: compliance/engine/reasons.py).
Before, the reasons read "no OrganisationPage live at 2026-12-03 09:00", "applies to
preschool; the school is primary" in the Vietnamese admin.
"""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import translation
from django_tenants.utils import schema_context
from wagtail.users.models import UserProfile

from compliance.models import ObligationResult
from compliance.services.evaluation import school_evaluate
from sitepages import models as m

VN = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = dt.datetime(2026, 12, 3, 9, 0, tzinfo=VN)
# Words of the old English reasons and of the panel's English, and machine names.
ENGLISH = re.compile(
    r"\b(live|published|late|due|before|since|missing|applies|needed|so far|online|offline"
    r"|This week|Next week|Rule|Status|Open the page|Create or open)\b|[A-Z][a-z]+Page\b|\d{4}-W\d"
)


def _panel(html: str) -> str:
    """What a person reads of the panel: its text and its tooltips (markup left out)."""
    start = html.index('id="danh-gia-cap-nhat-section"')
    panel = html[start : html.index("</section>", start)]
    tooltips = re.findall(r'title="([^"]*)"', panel)
    return " ".join([re.sub(r"<[^>]+>", " ", panel), *tooltips])


@pytest.mark.django_db
def test_the_panel_and_its_reasons_in_vietnamese_and_its_words_in_english(client, school):
    with time_machine.travel(NOW, tick=False):
        school_evaluate(school=school)
    reasons = list(ObligationResult.objects.filter(school=school).values_list("reason", flat=True))
    assert len(reasons) > 10
    for reason in reasons:
        assert reason and not ENGLISH.search(reason), reason
    with schema_context(school.schema_name):
        user = get_user_model().objects.create_superuser("ht", "ht@example.edu.vn", "x")
        client.force_login(user)
    host = school.provisioned.domain

    with time_machine.travel(NOW, tick=False):
        vietnamese = _panel(client.get("/admin/", HTTP_HOST=host).content.decode())
    assert "Việc cần đăng và việc trễ hạn" in vietnamese and "Tuần này" in vietnamese
    assert "Tình trạng" in vietnamese
    assert not ENGLISH.search(vietnamese), ENGLISH.search(vietnamese)

    with schema_context(school.schema_name):
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "en"
        profile.save()
    with time_machine.travel(NOW, tick=False):
        english = _panel(client.get("/admin/", HTTP_HOST=host).content.decode())
    assert "What to publish, and what is late" in english
    assert "This week" in english and "Status" in english
    assert "Việc cần đăng" not in english and "Tình trạng" not in english


@pytest.mark.django_db
def test_page_checks_speak_the_editors_language(school):
    with schema_context(school.schema_name):
        # Not added to the tree: adding it runs the same check, which refuses it.
        urgent = m.NewsPage(
            title="Nghỉ học do bão", slug="nghi-hoc", kind="urgent", body="<p>Nghỉ.</p>"
        )
        for language, expected in [
            ("vi", "Thông báo khẩn phải ghi thời điểm nhà trường nhận được thông báo."),
            ("en", "An urgent notice must record when the school received it."),
        ]:
            with translation.override(language), pytest.raises(ValidationError) as error:
                urgent.clean()
            assert error.value.message_dict["received_at"] == [expected]
        contact = m.ContactPage.objects.get()
        with translation.override("en"):
            contact.slug = "lien-he-khac"
            with pytest.raises(ValidationError) as error:
                contact.clean()
        assert error.value.message_dict["slug"][0].startswith("The required section “")


def test_field_checks_speak_the_editors_language():
    from sitepages.validators import validate_brand_colour, validate_vn_phone

    for language, phone, colour in [
        ("vi", "Số điện thoại “123” không hợp lệ.", "Màu #ffff00 quá sáng"),
        ("en", "“123” is not a valid phone number.", "The colour #ffff00 is too light"),
    ]:
        with translation.override(language):
            with pytest.raises(ValidationError) as error:
                validate_vn_phone("123")
            assert error.value.messages[0].startswith(phone)
            with pytest.raises(ValidationError) as error:
                validate_brand_colour("#ffff00")
            assert error.value.messages[0].startswith(colour)
