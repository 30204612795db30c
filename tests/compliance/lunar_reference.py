"""An independent check of the engine's lunar-date table: Hồ Ngọc Đức's astronomical algorithm
(new moons and solar terms after Jean Meeus), computed for Vietnam's UTC+7. Test-only code."""

from __future__ import annotations

import math
from datetime import date, timedelta

_DR = math.pi / 180


def _jd(day: date) -> int:
    return day.toordinal() + 1721425


def _date(jd: int) -> date:
    return date.fromordinal(jd - 1721425)


def _new_moon(k: int) -> float:
    t = k / 1236.85
    t2, t3 = t * t, t * t * t
    jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
    jd1 += 0.00033 * math.sin((166.56 + 132.87 * t - 0.009173 * t2) * _DR)
    m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3
    mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3
    f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3
    c1 = (0.1734 - 0.000393 * t) * math.sin(m * _DR) + 0.0021 * math.sin(2 * _DR * m)
    c1 += -0.4068 * math.sin(mpr * _DR) + 0.0161 * math.sin(_DR * 2 * mpr)
    c1 += -0.0004 * math.sin(_DR * 3 * mpr)
    c1 += 0.0104 * math.sin(_DR * 2 * f) - 0.0051 * math.sin(_DR * (m + mpr))
    c1 += -0.0074 * math.sin(_DR * (m - mpr)) + 0.0004 * math.sin(_DR * (2 * f + m))
    c1 += -0.0004 * math.sin(_DR * (2 * f - m)) - 0.0006 * math.sin(_DR * (2 * f + mpr))
    c1 += 0.0010 * math.sin(_DR * (2 * f - mpr)) + 0.0005 * math.sin(_DR * (2 * mpr + m))
    deltat = -0.000278 + 0.000265 * t + 0.000262 * t2
    return jd1 + c1 - deltat


def _sun_longitude(jdn: float) -> float:
    t = (jdn - 2451545.0) / 36525
    t2 = t * t
    m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2
    l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2
    dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * math.sin(_DR * m)
    dl += (0.019993 - 0.000101 * t) * math.sin(_DR * 2 * m) + 0.000290 * math.sin(_DR * 3 * m)
    longitude = (l0 + dl) * _DR
    return longitude - math.pi * 2 * math.floor(longitude / (math.pi * 2))


def _new_moon_day(k: int, tz: int) -> int:
    return math.floor(_new_moon(k) + 0.5 + tz / 24)


def _sun_sector(day: int, tz: int) -> int:
    return math.floor(_sun_longitude(day - 0.5 - tz / 24) / math.pi * 6)


def _month_11(year: int, tz: int) -> int:
    k = math.floor((_jd(date(year, 12, 31)) - 2415021) / 29.530588853)
    new_moon = _new_moon_day(k, tz)
    return _new_moon_day(k - 1, tz) if _sun_sector(new_moon, tz) >= 9 else new_moon


def _leap_month_offset(a11: int, tz: int) -> int:
    k = math.floor((a11 - 2415021.076998695) / 29.530588853 + 0.5)
    i = 1
    arc = _sun_sector(_new_moon_day(k + i, tz), tz)
    while True:
        last = arc
        i += 1
        arc = _sun_sector(_new_moon_day(k + i, tz), tz)
        if arc == last or i >= 14:
            return i - 1


def lunar_to_solar(day: int, month: int, year: int, tz: int = 7) -> date:
    """Solar date of a (non-leap) lunar day/month/year."""
    if month < 11:
        a11, b11 = _month_11(year - 1, tz), _month_11(year, tz)
    else:
        a11, b11 = _month_11(year, tz), _month_11(year + 1, tz)
    k = math.floor(0.5 + (a11 - 2415021.076998695) / 29.530588853)
    offset = (month - 11) % 12
    if b11 - a11 > 365 and offset >= _leap_month_offset(a11, tz):
        offset += 1
    return _date(_new_moon_day(k + offset, tz)) + timedelta(days=day - 1)
