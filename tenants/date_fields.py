"""Form fields for a date or a date-time typed day first, refusing a day that does not exist
with a sentence naming it.

Django's own fields read the format modules' day-first formats (tenants.dates) but answer an
impossible day (`31/02/2026 08:30`) or a month-first date (`13/25/2026`) with the same general
"enter a valid date" as for any typo. These say which day is not real and why
(`tenants.dates.date_impossible_reason`). The Wagtail admin uses them for every model date and
date-time field (registered in `sitepages.apps`), and so does every date a person types on the
portal (the report's date of issue, the school calendar's semesters).
"""

from django import forms
from django.core.exceptions import ValidationError

from tenants.dates import DATE_FORMAT, DateInputError, date_impossible_reason, date_parse


def _refuse_impossible(value, *, with_time: bool) -> None:
    reason = date_impossible_reason(value, with_time=with_time) if isinstance(value, str) else None
    if reason:
        raise ValidationError(reason, code="invalid")


class DayFirstDateField(forms.DateField):
    """A date typed dd/mm/yyyy (ISO accepted), shown dd/mm/yyyy outside the admin's picker."""

    widget = forms.DateInput(format=DATE_FORMAT, attrs={"placeholder": "dd/mm/yyyy"})

    def to_python(self, value):
        try:
            return super().to_python(value)
        except ValidationError:
            _refuse_impossible(value, with_time=False)
            try:  # the other shapes people type (tenants.dates), or its sentence saying how
                return date_parse(str(value))
            except DateInputError as error:
                raise ValidationError(str(error), code="invalid") from None


class DayFirstDateTimeField(forms.DateTimeField):
    def to_python(self, value):
        try:
            return super().to_python(value)
        except ValidationError:
            _refuse_impossible(value, with_time=True)
            raise
