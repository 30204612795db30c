"""Form fields that read dates the way tenants/dates.py does, with its specific reasons:
"Ngày 31/02/2026 không có thật: tháng 2/2026 có 28 ngày." rather than "enter a valid date".

Every date a person types on the portal goes through `DayFirstDateField` (the report's date of
issue, the school calendar's semesters) or `date_parse` itself (a rule change's effective date,
the calendar's breaks)."""

import datetime as dt

from django import forms

from tenants.dates import DATE_FORMAT, DateInputError, date_parse


class DayFirstDateField(forms.DateField):
    """A date typed dd/mm/yyyy (or any shape `date_parse` reads), shown dd/mm/yyyy."""

    widget = forms.DateInput(format=DATE_FORMAT, attrs={"placeholder": "dd/mm/yyyy"})

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return date_parse(str(value))
        except DateInputError as error:
            raise forms.ValidationError(str(error), code="invalid") from None
