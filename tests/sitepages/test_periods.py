"""Pure helpers: week labels, teaching weeks, dates, validators, the disclosure catalogue."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from sitepages import periods
from sitepages.disclosure_items import ITEMS, items_for_levels
from sitepages.validators import contrast_with_white, validate_brand_colour, validate_vn_phone


def test_teaching_weeks_count_from_first_monday_on_or_after_5_september():
    # 5 September 2026 is a Saturday: week 1 starts Monday 7 September.
    assert periods.first_teaching_monday(2026) == dt.date(2026, 9, 7)
    assert periods.teaching_week_number(dt.date(2026, 9, 7)) == 1
    assert periods.teaching_week_number(dt.date(2026, 11, 16)) == 11
    assert periods.teaching_week_number(dt.date(2026, 9, 4)) is None  # before the year opens
    assert periods.teaching_week_number(dt.date(2027, 7, 5)) is None  # summer


def test_week_label_is_the_vietnamese_form():
    assert periods.week_label(dt.date(2026, 11, 16)) == "Tuần 11 (16/11 – 22/11/2026)"
    # Across New Year both years are written.
    assert periods.week_label(dt.date(2026, 12, 28)) == "Tuần 17 (28/12/2026 – 03/01/2027)"
    assert periods.week_label(dt.date(2026, 7, 20)) == "Tuần 20/07 – 26/07/2026"


def test_week_number_comes_from_a_swappable_function(settings):
    settings.SITEPAGES_TEACHING_WEEK_FUNCTION = "tests.sitepages.test_periods.always_twelve"
    assert periods.week_label(dt.date(2026, 11, 16)) == "Tuần 12 (16/11 – 22/11/2026)"


def always_twelve(week_start):
    return 12


def test_school_year_and_dates():
    assert periods.school_year_of(dt.date(2026, 8, 1)) == 2026
    assert periods.school_year_of(dt.date(2027, 7, 31)) == 2026
    assert periods.school_year_label(2026) == "Năm học 2026–2027"
    assert periods.vn_date(dt.date(2026, 11, 5)) == "05/11/2026"
    aware = dt.datetime(2026, 11, 5, 1, 30, tzinfo=dt.UTC)
    assert periods.vn_date(aware) == "05/11/2026 08:30"  # Asia/Ho_Chi_Minh


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
