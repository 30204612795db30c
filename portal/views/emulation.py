"""The emulation ranking of a school year, on the page and as XLSX."""

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.permissions import portal_member_required
from portal.selectors.scope import scope_ids
from portal.views.common import portal_render
from reports.emulation import emulation_scores
from reports.emulation_xlsx import emulation_workbook
from reports.exports import CONTENT_TYPES
from reports.months import (
    month_label,
    school_year_label,
    school_year_month_keys,
    school_year_start_of,
    school_year_valid,
)


def _year(request) -> int:
    current = school_year_start_of(timezone.now())
    try:
        year = int(request.GET.get("nam", current))
    except ValueError:
        return current
    return year if 2000 <= year <= current else current


@portal_member_required
def emulation(request):
    year = _year(request)
    current = school_year_start_of(timezone.now())
    rows = emulation_scores(authority_ids=scope_ids(request.authority), school_year_start=year)
    return portal_render(
        request,
        "portal/emulation.html",
        {
            "rows": rows,
            "year": year,
            "year_label": school_year_label(year),
            "months": [month_label(key) for key in school_year_month_keys(year)],
            "years": [(y, school_year_label(y)) for y in range(current, current - 5, -1)],
        },
    )


@portal_member_required
def emulation_xlsx(request, year: int):
    if not school_year_valid(year, now=timezone.now()):
        current = school_year_start_of(timezone.now())
        message = _(
            "Năm học %(year)s không có điểm thi đua: chỉ có các năm học từ %(first)s đến %(last)s."
        ) % {
            "year": school_year_label(year),
            "first": school_year_label(2000),
            "last": school_year_label(current),
        }
        return portal_render(request, "portal/not_found.html", {"message": message}, status=404)
    rows = emulation_scores(authority_ids=scope_ids(request.authority), school_year_start=year)
    content = emulation_workbook(
        authority_name=request.authority.name, school_year_start=year, rows=rows
    )
    response = HttpResponse(content, content_type=CONTENT_TYPES["xlsx"])
    filename = f"thi-dua-{request.authority.code}-{year}-{year + 1}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
