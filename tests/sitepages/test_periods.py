"""Pure helpers: week labels, teaching weeks, dates, validators, the disclosure catalogue."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from sitepages import calendar
from sitepages.disclosure_items import ITEMS, items_for_levels
from sitepages.validators import contrast_with_white, validate_brand_colour, validate_vn_phone


def test_week_labels_follow_the_one_school_calendar():
    # 5 September 2026 is a Saturday: week 1 starts Monday 7 September.
    assert calendar.week_label(dt.date(2026, 9, 7)) == "Tuần 1 (07/09 – 13/09/2026)"
    assert calendar.week_label(dt.date(2026, 11, 16)) == "Tuần 11 (16/11 – 22/11/2026)"
    assert calendar.week_label(dt.date(2026, 11, 30)) == "Tuần 13 (30/11 – 06/12/2026)"
    # Across New Year both years are written.
    assert calendar.week_label(dt.date(2026, 12, 28)) == "Tuần 17 (28/12/2026 – 03/01/2027)"
    assert calendar.week_label(dt.date(2026, 7, 20)) == "Tuần 20/07 – 26/07/2026"
    # Tết 2027 (Saturday 6 February): two break weeks, not numbered; the count goes on after.
    assert calendar.week_label(dt.date(2027, 2, 1)) == "Tuần nghỉ Tết (01/02 – 07/02/2027)"
    assert calendar.week_label(dt.date(2027, 2, 8)) == "Tuần nghỉ Tết (08/02 – 14/02/2027)"
    after_tet = calendar.week_label(dt.date(2027, 2, 15))
    from tenants.schoolcalendar.calendar import default_school_year

    engine = default_school_year(school_year_start=2026).week_number(dt.date(2027, 2, 15))
    assert after_tet == f"Tuần {engine} (15/02 – 21/02/2027)"


def test_school_year_and_dates():
    assert calendar.school_year_of(dt.date(2026, 8, 1)) == 2026
    assert calendar.school_year_of(dt.date(2027, 6, 30)) == 2026
    assert calendar.school_year_label(2026) == "Năm học 2026–2027"
    assert calendar.vn_date(dt.date(2026, 11, 5)) == "05/11/2026"
    aware = dt.datetime(2026, 11, 5, 1, 30, tzinfo=dt.UTC)
    assert calendar.vn_date(aware) == "05/11/2026 08:30"  # Asia/Ho_Chi_Minh


@pytest.mark.parametrize(
    "number", ["0912 345 678", "+84 912 345 678", "0234.3822.123", "(024) 3822 1234", "1900 1234"]
)
def test_vietnamese_phone_numbers_are_accepted(number):
    validate_vn_phone(number)


@pytest.mark.parametrize("number", ["12345", "0112345678", "091234567", "abc", "+1 202 555 0100"])
def test_other_phone_numbers_are_refused_with_an_example(number):
    with pytest.raises(ValidationError) as error:
        validate_vn_phone(number)
    assert "Ví dụ" in error.value.messages[0]


def test_brand_colour_needs_contrast_with_white_text():
    validate_brand_colour("#0b5394")
    assert contrast_with_white("#0b5394") >= 4.5
    with pytest.raises(ValidationError, match="quá sáng"):
        validate_brand_colour("#ffd700")
    with pytest.raises(ValidationError, match="#rrggbb"):
        validate_brand_colour("blue")


def test_disclosure_items_per_level():
    codes = {item.code for item in ITEMS}
    assert len(codes) == len(ITEMS)
    preschool = {item.code for item in items_for_levels(["preschool"])}
    secondary = {item.code for item in items_for_levels(["lower_secondary"])}
    assert {"a4-1", "a5-1", "a6-1", "a7-4", "a14-1"} <= preschool
    assert not any(code.startswith(("a8-", "a9-")) for code in preschool)
    assert {"a8-3", "a9-2"} <= secondary and "a6-1" not in secondary
    # The menu item of Art. 9 only for schools that serve meals.
    assert "a9-4" not in secondary
    assert "a9-4" in {i.code for i in items_for_levels(["primary"], serves_meals=True)}
