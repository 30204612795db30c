from datetime import date

import pytest

from tenants.schoolcalendar.periods import (
    DayKey,
    MonthKey,
    PageKey,
    SchoolYearItemKey,
    SchoolYearKey,
    SemesterKey,
    WeekKey,
    parse_period_key,
    period_key_for_fields,
    school_year_of,
)


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("2026-2027", SchoolYearKey(2026)),
        ("2026-2027/S1", SemesterKey(2026, 1)),
        ("2026-2027/S2", SemesterKey(2026, 2)),
        ("2026-2027/mn-staff", SchoolYearItemKey(2026, "mn-staff")),
        ("2026-11", MonthKey(2026, 11)),
        ("2026-W47", WeekKey(2026, 47)),
        ("2026-11-16", DayKey(date(2026, 11, 16))),
        ("page:42", PageKey(42)),
    ],
)
def test_period_keys_round_trip(key, expected):
    assert parse_period_key(key) == expected
    assert expected.key == key


@pytest.mark.parametrize("key", ["2026-2028", "2026-13", "2025-W53", "page:x", "2026/S1", ""])
def test_bad_period_keys_are_refused(key):
    with pytest.raises(ValueError):
        parse_period_key(key)


def test_iso_week_keys_use_the_iso_year_at_year_edges():
    assert WeekKey.of(date(2025, 12, 29)).key == "2026-W01"
    assert WeekKey.of(date(2026, 12, 28)).key == "2026-W53"
    assert WeekKey.of(date(2027, 1, 3)).key == "2026-W53"
    assert WeekKey(2026, 47).monday == date(2026, 11, 16)


def test_school_year_is_filed_from_july():
    assert school_year_of(date(2027, 6, 30)) == 2026
    assert school_year_of(date(2027, 7, 1)) == 2027
    assert school_year_of(date(2026, 9, 5)) == 2026


def test_month_shift_crosses_years():
    assert MonthKey(2026, 12).shifted(1) == MonthKey(2027, 1)
    assert MonthKey(2027, 1).shifted(-1) == MonthKey(2026, 12)
    assert MonthKey(2026, 3).shifted(-14) == MonthKey(2025, 1)


@pytest.mark.parametrize(
    ("fields", "key"),
    [
        ({"week_start": date(2026, 11, 16)}, "2026-W47"),
        ({"week_start": "2026-11-18"}, "2026-W47"),
        ({"month": date(2026, 11, 1)}, "2026-11"),
        ({"month": "2026-11"}, "2026-11"),
        ({"school_year_start": 2026}, "2026-2027"),
        ({"school_year_start": 2026, "semester": 2}, "2026-2027/S2"),
        ({"school_year_start": 2026, "item": "mn-staff"}, "2026-2027/mn-staff"),
        ({}, ""),
    ],
)
def test_period_key_for_page_fields(fields, key):
    assert period_key_for_fields(fields) == key
