"""A school's drill-down: a month's obligations, its history, its trend, its principal."""

from django.http import Http404
from django.utils import timezone

from portal.charts import trend_chart
from portal.permissions import portal_member_required
from portal.selectors.school import school_detail
from portal.selectors.scope import school_in_scope
from portal.views.common import portal_render
from reports.months import month_label, month_of, month_parse, month_typed
from tenants.models import Level

LEVEL_LABELS = dict(Level.choices)


@portal_member_required
def school(request, code: str):
    school = school_in_scope(request.authority, code)
    if school is None:
        raise Http404("no such school under this authority")
    now = timezone.now()
    bad_month = ""
    try:
        month = month_parse(request.GET["thang"]) if request.GET.get("thang") else month_of(now)
    except ValueError as error:
        bad_month, month = str(error), month_of(now)
    detail = school_detail(school=school, month=month, now=now)
    return portal_render(
        request,
        "portal/school.html",
        {
            "detail": detail,
            "school": school,
            "levels": ", ".join(str(LEVEL_LABELS.get(lv, lv)) for lv in school.levels),
            "month_label": month_label(month),
            "month_typed": month_typed(month),
            "previous_month": month.shifted(-1).key,
            "next_month": month.shifted(1).key if month < month_of(now) else "",
            "bad_month": bad_month,
            "trend_chart": trend_chart(detail.trend, title=f"{school.name}: tỷ lệ đúng hạn"),
        },
    )
