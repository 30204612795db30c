from datetime import date

import pytest

from compliance.engine import SchoolCalendar, add_working_days, public_holidays
from tenants.schoolcalendar.holidays import is_working_day
from tenants.schoolcalendar.lunar import HUNG_KINGS_DAY, TET_DAY_ONE, tet_day_one
from tests.compliance.builders import at


def test_lunar_tables_cover_2015_to_2040():
    assert sorted(TET_DAY_ONE) == list(range(2015, 2041))
    assert sorted(HUNG_KINGS_DAY) == list(range(2015, 2041))


# Published dates, independent of the algorithm that generated the table: the first day of Tết
# and the Hùng Kings' commemoration as announced in each year's official holiday schedule.
PUBLISHED_TET = {
    2015: date(2015, 2, 19), 2016: date(2016, 2, 8), 2017: date(2017, 1, 28),
    2018: date(2018, 2, 16), 2019: date(2019, 2, 5), 2020: date(2020, 1, 25),
    2021: date(2021, 2, 12), 2022: date(2022, 2, 1), 2023: date(2023, 1, 22),
    2024: date(2024, 2, 10), 2025: date(2025, 1, 29), 2026: date(2026, 2, 17),
}  # fmt: skip
PUBLISHED_HUNG_KINGS = {
    2015: date(2015, 4, 28), 2016: date(2016, 4, 16), 2017: date(2017, 4, 6),
    2018: date(2018, 4, 25), 2019: date(2019, 4, 14), 2020: date(2020, 4, 2),
    2021: date(2021, 4, 21), 2022: date(2022, 4, 10), 2023: date(2023, 4, 29),
    2024: date(2024, 4, 18), 2025: date(2025, 4, 7), 2026: date(2026, 4, 26),
}  # fmt: skip


@pytest.mark.parametrize("year", sorted(PUBLISHED_TET))
def test_lunar_tables_match_the_published_dates(year):
    assert TET_DAY_ONE[year] == PUBLISHED_TET[year]
    assert HUNG_KINGS_DAY[year] == PUBLISHED_HUNG_KINGS[year]


def test_published_dates_and_the_vietnamese_time_zone():
    assert TET_DAY_ONE[2027] == date(2027, 2, 6)
    # 2030: the new moon falls before midnight at UTC+7 but after it at UTC+8, so Vietnam's Tết
    # is a day before China's (3 February).
    assert TET_DAY_ONE[2030] == date(2030, 2, 2)


def test_years_outside_the_table_are_refused():
    with pytest.raises(ValueError, match="2041"):
        tet_day_one(2041)


def test_public_holidays_2026():
    days = public_holidays(year=2026)
    assert sorted(days) == [
        date(2026, 1, 1),
        *(date(2026, 2, d) for d in range(16, 21)),  # Tết: eve + first four days
        date(2026, 4, 26),  # Hùng Kings (a Sunday)
        date(2026, 4, 27),  # … compensated on Monday
        date(2026, 4, 30),
        date(2026, 5, 1),
        date(2026, 9, 1),
        date(2026, 9, 2),
    ]
    assert days[date(2026, 4, 27)].startswith("Nghỉ bù")


def test_national_day_adjacent_day_and_compensation():
    # 2/9/2024 was a Monday: the second day is 3/9.
    assert {date(2024, 9, 2), date(2024, 9, 3)} <= set(public_holidays(year=2024))
    assert date(2024, 9, 1) not in public_holidays(year=2024)
    # 2/9/2023 was a Saturday: 1/9 plus Monday 4/9 in compensation.
    assert {date(2023, 9, 1), date(2023, 9, 4)} <= set(public_holidays(year=2023))


def test_working_days_skip_weekends_and_holidays():
    assert add_working_days(start=date(2026, 11, 20), n=1) == date(2026, 11, 23)  # Fri → Mon
    assert add_working_days(start=date(2026, 4, 29), n=1) == date(2026, 5, 4)  # over 30/4, 1/5
    assert add_working_days(start=date(2026, 2, 13), n=1) == date(2026, 2, 23)  # over Tết
    assert add_working_days(start=date(2026, 11, 16), n=0) == date(2026, 11, 16)
    assert add_working_days(start=date(2026, 11, 21), n=1) == date(2026, 11, 23)  # from a Sat


def test_working_days_in_a_leap_year():
    assert add_working_days(start=date(2028, 2, 28), n=1) == date(2028, 2, 29)
    assert add_working_days(start=date(2027, 2, 26), n=1) == date(2027, 3, 1)


def test_working_days_from_a_datetime_keep_the_local_time():
    result = add_working_days(start=at(2026, 11, 20, 15, 30), n=2)
    assert result == at(2026, 11, 24, 15, 30)


def test_working_day_overrides():
    swapped = date(2026, 11, 21)  # a Saturday made a working day by decree
    extra_off = date(2026, 11, 23)
    assert is_working_day(day=swapped, extra_working_days={swapped})
    assert not is_working_day(day=extra_off, extra_holidays={extra_off})
    calendar = SchoolCalendar(extra_holidays=frozenset({extra_off}))
    assert add_working_days(start=date(2026, 11, 20), n=1, calendar=calendar) == date(2026, 11, 24)
    assert calendar.is_working_day(date(2026, 11, 20))


def test_negative_working_days_are_refused():
    with pytest.raises(ValueError):
        add_working_days(start=date(2026, 11, 20), n=-1)
