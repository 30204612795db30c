"""The format names Django reads from a format module, the same for every language we serve.

Display (template `date` filter without an argument, `localize`, Wagtail's date tooltips) is
dd/mm/yyyy [HH:MM]; input is tenants.dates' list (day first or ISO; Django adds its ISO formats
to every input list anyway). Weeks start on Monday (the admin's date picker, school weeks).
"""

from tenants import dates

__all__ = [
    "DATE_FORMAT",
    "TIME_FORMAT",
    "DATETIME_FORMAT",
    "SHORT_DATE_FORMAT",
    "SHORT_DATETIME_FORMAT",
    "YEAR_MONTH_FORMAT",
    "MONTH_DAY_FORMAT",
    "FIRST_DAY_OF_WEEK",
    "DATE_INPUT_FORMATS",
    "TIME_INPUT_FORMATS",
    "DATETIME_INPUT_FORMATS",
]

DATE_FORMAT = dates.DJANGO_DATE_FORMAT
TIME_FORMAT = dates.DJANGO_TIME_FORMAT
DATETIME_FORMAT = dates.DJANGO_DATETIME_FORMAT
SHORT_DATE_FORMAT = dates.DJANGO_DATE_FORMAT
SHORT_DATETIME_FORMAT = dates.DJANGO_DATETIME_FORMAT
YEAR_MONTH_FORMAT = dates.DJANGO_MONTH_FORMAT
MONTH_DAY_FORMAT = "d/m"
FIRST_DAY_OF_WEEK = 1

DATE_INPUT_FORMATS = list(dates.DATE_INPUT_FORMATS)
TIME_INPUT_FORMATS = list(dates.TIME_INPUT_FORMATS)
DATETIME_INPUT_FORMATS = list(dates.DATETIME_INPUT_FORMATS)
