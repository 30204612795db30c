from datetime import date

import pytest

from compliance.engine import SchoolCalendar
from compliance.engine.deadlines import DeadlineSpec
from tests.compliance.builders import at

CALENDAR = SchoolCalendar()


def resolve(table, *, base=None, year=None):
    return DeadlineSpec.parse(table).resolve(base=base, school_year_start=year, calendar=CALENDAR)


def test_fixed_dates_are_local_midnight_of_the_school_year():
    assert resolve({"month": 8, "day": 15}, year=2026) == at(2026, 8, 15)
    assert resolve({"month": 6, "day": 30, "year_offset": 1}, year=2026) == at(2027, 6, 30)


def test_relative_deadlines():
    monday = date(2026, 11, 16)
    assert resolve({}, base=date(2026, 12, 1)) == at(2026, 12, 1)
    assert resolve({"hours": 12}, base=monday) == at(2026, 11, 16, 12)
    assert resolve({"days": -2}, base=monday) == at(2026, 11, 14)  # the Saturday before
    assert resolve({"months": -1, "day": 25}, base=date(2027, 1, 1)) == at(2026, 12, 25)


def test_day_past_the_month_end_is_clamped_including_leap_years():
    assert resolve({"months": -1, "day": 30}, base=date(2028, 3, 1)) == at(2028, 2, 29)
    assert resolve({"months": -1, "day": 30}, base=date(2027, 3, 1)) == at(2027, 2, 28)


def test_working_days_end_at_the_end_of_the_last_working_day():
    # Issued Friday 20/11/2026: 1 working day = Monday, so due before Tuesday 00:00.
    assert resolve({"working_days": 1}, base=date(2026, 11, 20)) == at(2026, 11, 24)
    # A change at 15:00 on Wednesday 22/4/2026: 10 working days skip 27/4, 30/4 and 1/5.
    assert resolve({"working_days": 10}, base=at(2026, 4, 22, 15)) == at(2026, 5, 12)


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"month": 8}, "both month and day"),
        ({"month": 13, "day": 1}, "1–12"),
        ({"hours": "12"}, "integer"),
        ({"hour": 12}, "unknown key"),
        ({"month": 8, "day": 1, "working_days": 1}, "unknown key"),
        ({"working_days": -1}, ">= 0"),
        ([1, 2], "table"),
    ],
)
def test_bad_deadlines_are_explained(table, message):
    with pytest.raises(ValueError, match=message):
        DeadlineSpec.parse(table)
