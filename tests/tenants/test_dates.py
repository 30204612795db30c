"""Dates as people in Vietnam type them: day first, ISO still accepted, never month first.

Pure functions (tenants/dates.py) and the format modules every form uses, in Vietnamese and in
English (an editor may choose English for the admin).
"""

import datetime as dt

import pytest
from django import forms
from django.utils import formats, translation

from tenants.date_fields import DayFirstDateField, DayFirstDateTimeField
from tenants.dates import (
    LOCAL_TZ,
    DateInputError,
    date_format,
    date_impossible_reason,
    date_parse,
    datetime_format,
    datetime_parse,
    month_format,
    month_parse_parts,
)


@pytest.mark.parametrize(
    "typed", ["29/11/2026", "29-11-2026", "29.11.2026", "2026-11-29", " 29/11/2026 "]
)
def test_a_day_is_read_day_first_or_iso(typed):
    assert date_parse(typed) == dt.date(2026, 11, 29)


def test_an_ambiguous_day_is_day_first():
    assert date_parse("05/12/2026") == dt.date(2026, 12, 5)


# A day that does not exist (31/11/2026, 11/29/2026) is named instead: see below.
@pytest.mark.parametrize("typed", ["05/12/26", "", "hôm nay", None, "29/11"])
def test_what_is_not_a_day_gets_one_vietnamese_sentence(typed):
    with pytest.raises(DateInputError) as error:
        date_parse(typed)
    assert "ngày/tháng/năm" in str(error.value)
    assert "29/11/2026" in str(error.value)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("31/02/2026", "Ngày 31/02/2026 không có thật: tháng 2/2026 chỉ có 28 ngày."),
        ("29/02/2027", "Ngày 29/02/2027 không có thật: tháng 2/2027 chỉ có 28 ngày."),
        ("30.2.2028", "Ngày 30.2.2028 không có thật: tháng 2/2028 chỉ có 29 ngày."),
        ("31-11-2026", "Ngày 31-11-2026 không có thật: tháng 11/2026 chỉ có 30 ngày."),
        ("2026-04-31", "Ngày 2026-04-31 không có thật: tháng 4/2026 chỉ có 30 ngày."),
        ("00/12/2026", "Ngày 00/12/2026 không có thật: tháng 12/2026 chỉ có 31 ngày."),
        ("11/29/2026", "Ngày 11/29/2026 không có thật: không có tháng 29."),
    ],
)
def test_a_day_that_does_not_exist_is_told_as_such(typed, message):
    """Not "write it as dd/mm/yyyy": the office wrote it so, the day is what is wrong."""
    with pytest.raises(DateInputError) as error:
        date_parse(typed)
    assert str(error.value).startswith(message)
    with pytest.raises(DateInputError) as error:
        datetime_parse(f"{typed} 08:30")
    assert str(error.value).startswith(message)
    with pytest.raises(forms.ValidationError) as error:
        DayFirstDateField().clean(typed)
    assert error.value.messages[0].startswith(message)


@pytest.mark.parametrize(
    "typed",
    [
        "29/11/2026 08:30",
        "29/11/2026 8:30",
        "29/11/2026 08:30:00",
        "29/11/2026 8h30",
        "08:30 29/11/2026",
        "29-11-2026 08:30",
        "2026-11-29 08:30",
        "2026-11-29T08:30",
        "2026-11-29T01:30:00+00:00",
    ],
)
def test_a_moment_is_local_time_day_first(typed):
    moment = datetime_parse(typed)
    assert moment == dt.datetime(2026, 11, 29, 8, 30, tzinfo=LOCAL_TZ)


def test_an_ambiguous_moment_is_day_first_and_a_day_alone_is_its_midnight():
    assert datetime_parse("05/12/2026 07:00") == dt.datetime(2026, 12, 5, 7, tzinfo=LOCAL_TZ)
    assert datetime_parse("05/12/2026") == dt.datetime(2026, 12, 5, tzinfo=LOCAL_TZ)


@pytest.mark.parametrize("typed", ["29/11/2026 25:00", "ngày mai", "", "29/11/2026 8 giờ"])
def test_what_is_not_a_moment_gets_one_vietnamese_sentence(typed):
    with pytest.raises(DateInputError) as error:
        datetime_parse(typed)
    assert "29/11/2026 08:30" in str(error.value)


@pytest.mark.parametrize(
    "typed",
    ["11/2026", "1/2026", "Tháng 11/2026", "tháng 11/2026", "T11/2026", "2026-11", "11-2026"],
)
def test_a_month_is_read_as_written(typed):
    expected = (2026, 1) if typed == "1/2026" else (2026, 11)
    assert month_parse_parts(typed) == expected


@pytest.mark.parametrize("typed", ["13/2026", "2026-13", "2026-W49", "11/26", "", "tháng mười"])
def test_what_is_not_a_month_gets_one_vietnamese_sentence(typed):
    with pytest.raises(DateInputError) as error:
        month_parse_parts(typed)
    assert "tháng/năm" in str(error.value) and "11/2026" in str(error.value)


def test_what_is_written_is_read_back_unchanged():
    moment = dt.datetime(2026, 11, 29, 1, 30, tzinfo=dt.UTC)
    assert datetime_format(moment) == "29/11/2026 08:30"
    assert datetime_parse(datetime_format(moment)) == moment
    assert date_format(dt.date(2026, 12, 5)) == "05/12/2026"
    assert date_parse(date_format(dt.date(2026, 12, 5))) == dt.date(2026, 12, 5)
    assert month_format(2026, 1) == "01/2026"
    assert month_parse_parts(month_format(2026, 1)) == (2026, 1)
    assert date_format(None) == datetime_format(None) == ""


@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_form_field_reads_day_first_in_both_languages(language):
    """Django's forms (the admin's included) take their input formats from the format
    modules of the active language: before them, `29/11/2026 08:30` was refused and
    `05/12/2026 07:00` became 12 May, in Vietnamese and English alike."""
    with translation.override(language):
        moment = forms.DateTimeField()
        assert moment.clean("29/11/2026 08:30") == dt.datetime(2026, 11, 29, 8, 30, tzinfo=LOCAL_TZ)
        assert moment.clean("05/12/2026 07:00") == dt.datetime(2026, 12, 5, 7, tzinfo=LOCAL_TZ)
        assert moment.clean("2026-11-29 08:30") == dt.datetime(2026, 11, 29, 8, 30, tzinfo=LOCAL_TZ)
        with pytest.raises(forms.ValidationError):
            moment.clean("11/29/2026 08:30")
        day = forms.DateField()
        assert day.clean("05/12/2026") == dt.date(2026, 12, 5)
        assert day.clean("2026-12-05") == dt.date(2026, 12, 5)
        with pytest.raises(forms.ValidationError):
            day.clean("12/31/2026")
        assert forms.TimeField().clean("08:30") == dt.time(8, 30)
        # What a page shows: the template filter without a format, Wagtail's tooltips.
        assert formats.date_format(dt.date(2026, 12, 5)) == "05/12/2026"
        assert formats.date_format(dt.date(2026, 12, 5), "SHORT_DATE_FORMAT") == "05/12/2026"
        assert formats.get_format("FIRST_DAY_OF_WEEK") == 1


def test_a_refused_date_in_a_form_says_how_to_write_it():
    with translation.override("vi"):
        with pytest.raises(forms.ValidationError) as error:
            forms.DateTimeField().clean("11/29/2026 08:30")
        assert "29/11/2026 08:30" in error.value.messages[0]
        with pytest.raises(forms.ValidationError) as error:
            forms.DateField().clean("12/31/2026")
        assert "ngày/tháng/năm" in error.value.messages[0]
    with translation.override("en"):
        with pytest.raises(forms.ValidationError) as error:
            forms.DateTimeField().clean("11/29/2026 08:30")
        assert "dd/mm/yyyy" in error.value.messages[0]


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("31/02/2026", "Ngày 31/02/2026 không có thật: tháng 2/2026 chỉ có 28 ngày."),
        ("31/02/2026 08:30", "Ngày 31/02/2026 không có thật: tháng 2/2026 chỉ có 28 ngày."),
        ("29/02/2028 08:30", None),  # a leap year: a real day
        ("30.02.2028", "Ngày 30.02.2028 không có thật: tháng 2/2028 chỉ có 29 ngày."),
        ("31/11/2026", "Ngày 31/11/2026 không có thật: tháng 11/2026 chỉ có 30 ngày."),
        ("00/11/2026", "Ngày 00/11/2026 không có thật: tháng 11/2026 chỉ có 30 ngày."),
        ("2026-02-31", "Ngày 2026-02-31 không có thật: tháng 2/2026 chỉ có 28 ngày."),
        ("08:30 31/04/2026", "Ngày 31/04/2026 không có thật: tháng 4/2026 chỉ có 30 ngày."),
        ("29/11/2026 08:30", None),
        ("hôm nay", None),
        ("05/12/26", None),
    ],
)
def test_a_day_that_does_not_exist_is_named(typed, reason):
    with translation.override("vi"):
        assert date_impossible_reason(typed) == reason


def test_a_month_first_date_is_refused_saying_the_day_comes_first():
    with translation.override("vi"):
        reason = date_impossible_reason("13/25/2026 08:30")
    assert reason.startswith("Ngày 13/25/2026 không có thật: không có tháng 25.")
    assert "ngày/tháng/năm" in reason and "29/11/2026" in reason


@pytest.mark.parametrize("typed", ["31/02/2026", "13/25/2026"])
def test_the_parsers_refuse_a_day_that_does_not_exist_by_name(typed):
    """Never rolled over (31/02 → 03/03) nor read month first."""
    with translation.override("vi"):
        for parse in (date_parse, datetime_parse):
            with pytest.raises(DateInputError) as error:
                parse(typed)
            assert str(error.value).startswith(f"Ngày {typed} không có thật")


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_admins_date_fields_name_the_day_that_does_not_exist(language):
    """The fields every Wagtail admin date and date-time uses (sitepages.apps)."""
    with translation.override(language):
        moment, day = DayFirstDateTimeField(), DayFirstDateField()
        assert moment.clean("29/11/2026 08:30") == dt.datetime(2026, 11, 29, 8, 30, tzinfo=LOCAL_TZ)
        assert day.clean("29/02/2028") == dt.date(2028, 2, 29)
        with pytest.raises(forms.ValidationError) as february:
            moment.clean("31/02/2026 08:30")
        with pytest.raises(forms.ValidationError) as month_first:
            moment.clean("13/25/2026 08:30")
        with pytest.raises(forms.ValidationError) as day_error:
            day.clean("31/11/2026")
        with pytest.raises(forms.ValidationError) as typo:
            moment.clean("29/11/2026 8 giờ")
    if language == "vi":
        assert february.value.messages == [
            "Ngày 31/02/2026 không có thật: tháng 2/2026 chỉ có 28 ngày."
        ]
        assert "không có tháng 25" in month_first.value.messages[0]
        assert day_error.value.messages == [
            "Ngày 31/11/2026 không có thật: tháng 11/2026 chỉ có 30 ngày."
        ]
        assert "29/11/2026 08:30" in typo.value.messages[0]  # the general message stays
    else:
        assert february.value.messages == [
            "31/02/2026 is not a real date: month 2/2026 has only 28 days."
        ]
        assert "there is no month 25" in month_first.value.messages[0]
        assert "dd/mm/yyyy" in month_first.value.messages[0]
