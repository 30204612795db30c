"""Solar dates of the lunar feasts that move Vietnam's calendar, as data (2015–2040).

Tết (1st day of the 1st lunar month) and the Hùng Kings' commemoration (10th day of the 3rd lunar
month), as observed in Vietnam: the Vietnamese lunar calendar is computed for UTC+7, so it can
differ from the Chinese one by a day (2030: 2 February in Vietnam, 3 February in China).
Generated with Hồ Ngọc Đức's astronomical algorithm at UTC+7; the tests check the table against
the dates published in official holiday schedules (2015–2026), not against that algorithm.
Extend the table rather than computing lunar dates at run time: a wrong public holiday shifts
every "N working days" deadline.
"""

from __future__ import annotations

from datetime import date

FIRST_YEAR = 2015
LAST_YEAR = 2040

TET_DAY_ONE: dict[int, date] = {
    2015: date(2015, 2, 19),
    2016: date(2016, 2, 8),
    2017: date(2017, 1, 28),
    2018: date(2018, 2, 16),
    2019: date(2019, 2, 5),
    2020: date(2020, 1, 25),
    2021: date(2021, 2, 12),
    2022: date(2022, 2, 1),
    2023: date(2023, 1, 22),
    2024: date(2024, 2, 10),
    2025: date(2025, 1, 29),
    2026: date(2026, 2, 17),
    2027: date(2027, 2, 6),
    2028: date(2028, 1, 26),
    2029: date(2029, 2, 13),
    2030: date(2030, 2, 2),
    2031: date(2031, 1, 23),
    2032: date(2032, 2, 11),
    2033: date(2033, 1, 31),
    2034: date(2034, 2, 19),
    2035: date(2035, 2, 8),
    2036: date(2036, 1, 28),
    2037: date(2037, 2, 15),
    2038: date(2038, 2, 4),
    2039: date(2039, 1, 24),
    2040: date(2040, 2, 12),
}

HUNG_KINGS_DAY: dict[int, date] = {
    2015: date(2015, 4, 28),
    2016: date(2016, 4, 16),
    2017: date(2017, 4, 6),
    2018: date(2018, 4, 25),
    2019: date(2019, 4, 14),
    2020: date(2020, 4, 2),
    2021: date(2021, 4, 21),
    2022: date(2022, 4, 10),
    2023: date(2023, 4, 29),
    2024: date(2024, 4, 18),
    2025: date(2025, 4, 7),
    2026: date(2026, 4, 26),
    2027: date(2027, 4, 16),
    2028: date(2028, 4, 4),
    2029: date(2029, 4, 23),
    2030: date(2030, 4, 12),
    2031: date(2031, 4, 1),
    2032: date(2032, 4, 19),
    2033: date(2033, 4, 9),
    2034: date(2034, 4, 28),
    2035: date(2035, 4, 17),
    2036: date(2036, 4, 6),
    2037: date(2037, 4, 24),
    2038: date(2038, 4, 13),
    2039: date(2039, 4, 3),
    2040: date(2040, 4, 20),
}


def tet_day_one(year: int) -> date:
    """Lunar new year's day in the given Gregorian year; refuses years outside the table."""
    try:
        return TET_DAY_ONE[year]
    except KeyError:
        raise ValueError(
            f"no Tết date for {year} (table covers {FIRST_YEAR}–{LAST_YEAR}); extend lunar.py"
        ) from None


def hung_kings_day(year: int) -> date:
    try:
        return HUNG_KINGS_DAY[year]
    except KeyError:
        raise ValueError(
            f"no Hùng Kings' day for {year} (table covers {FIRST_YEAR}–{LAST_YEAR}); extend lunar.py"
        ) from None
