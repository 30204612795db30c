"""/quan-ly/lich-nam-hoc/: the school calendar per school year with its teaching weeks
(members) and the form that sets the authority's own (admins)."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from compliance.services.configuration import ConfigurationError
from portal.form_errors import ExplainedForm
from portal.permissions import portal_admin_required, portal_member_required
from portal.services.calendar import (
    BREAK_TEXT,
    breaks_parse,
    calendar_in_force,
    calendar_set,
    calendar_weeks,
)
from portal.views.common import portal_render
from portal.views.workplace import actor
from tenants.date_fields import DayFirstDateField
from tenants.schoolcalendar.periods import school_year_of


class CalendarForm(ExplainedForm):
    expected = {
        "hk1_bat_dau": _("Ghi ngày đầu học kỳ I (dd/mm/yyyy), ví dụ 05/09/2026."),
        "hk1_ket_thuc": _("Ghi ngày cuối học kỳ I (dd/mm/yyyy), ví dụ 16/01/2027."),
        "hk2_bat_dau": _("Ghi ngày đầu học kỳ II (dd/mm/yyyy), ví dụ 18/01/2027."),
        "hk2_ket_thuc": _("Ghi ngày cuối học kỳ II (dd/mm/yyyy), ví dụ 31/05/2027."),
    }

    hk1_bat_dau = DayFirstDateField(label="Học kỳ I: ngày đầu (dd/mm/yyyy)")
    hk1_ket_thuc = DayFirstDateField(label="Học kỳ I: ngày cuối (dd/mm/yyyy)")
    hk2_bat_dau = DayFirstDateField(label="Học kỳ II: ngày đầu (dd/mm/yyyy)")
    hk2_ket_thuc = DayFirstDateField(label="Học kỳ II: ngày cuối (dd/mm/yyyy)")
    tuan_nghi = forms.CharField(
        label="Tuần nghỉ (mỗi dòng: ngày thứ Hai dd/mm/yyyy rồi Tết, giữa kỳ, ôn thi hoặc khác)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


def _year(request) -> int:
    try:
        year = int(request.GET.get("nam") or request.POST.get("nam") or 0)
    except ValueError:
        year = 0
    return year if 2000 <= year <= 2100 else school_year_of(timezone.localdate())


@portal_member_required
def calendar(request):
    return _calendar_page(request, _year(request))


def _calendar_page(request, year: int, *, form=None, status: int = 200):
    """The page; `form` is a refused submission, shown with what was typed."""
    in_force = calendar_in_force(request.authority, year)
    school_year = in_force.year
    form = form or CalendarForm(
        initial={
            "hk1_bat_dau": school_year.s1_first,
            "hk1_ket_thuc": school_year.s1_last,
            "hk2_bat_dau": school_year.s2_first,
            "hk2_ket_thuc": school_year.s2_last,
            "tuan_nghi": "\n".join(
                f"{b.monday:%d/%m/%Y} {BREAK_TEXT.get(b.label, b.label)}"
                for b in school_year.breaks
            ),
        }
    )
    weeks = calendar_weeks(school_year)
    return portal_render(
        request,
        "portal/manage/calendar.html",
        {
            "year": year,
            "years": [year - 1, year, year + 1],
            "in_force": in_force,
            "form": form,
            "weeks": weeks,
            "teaching_count": sum(1 for w in weeks if w.teaching),
        },
        status=status,
    )


@require_POST
@portal_admin_required
def calendar_save(request):
    year = _year(request)
    form = CalendarForm(request.POST)
    if not form.is_valid():
        return _calendar_page(request, year, form=form, status=400)
    data = form.cleaned_data
    try:
        calendar_set(
            authority=request.authority,
            actor=actor(request),
            school_year_start=year,
            semester1=(data["hk1_bat_dau"], data["hk1_ket_thuc"]),
            semester2=(data["hk2_bat_dau"], data["hk2_ket_thuc"]),
            breaks=breaks_parse(data["tuan_nghi"]),
        )
    except ConfigurationError as exc:
        form.add_error(None, str(exc))
        return _calendar_page(request, year, form=form, status=400)
    else:
        messages.success(
            request,
            _("Đã lưu lịch năm học %(a)d–%(b)d; các trường được đánh giá theo lịch này.")
            % {"a": year, "b": year + 1},
        )
    return redirect(f"/quan-ly/lich-nam-hoc/?nam={year}")
