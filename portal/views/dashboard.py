"""The dashboard: every school under the authority in one table (see selectors.dashboard)."""

from django.utils import timezone

from compliance.presentation import CATEGORY_VI, LISTED_CATEGORIES
from portal.charts import sparkline, trend_chart
from portal.forms import DashboardFilterForm
from portal.permissions import portal_member_required
from portal.selectors.dashboard_page import (
    ALL_PAGES,
    column_groups,
    dashboard_page,
    group_cells,
)
from portal.selectors.scope import authorities_in_scope, scope_ids
from portal.views.common import portal_render
from reports.months import month_label, school_year_label
from tenants.models import Level

LEVEL_LABELS = dict(Level.choices)


@portal_member_required
def dashboard(request):
    authority = request.authority
    authorities = authorities_in_scope(authority)
    form = DashboardFilterForm(
        request.GET or None, authorities=authorities if len(authorities) > 1 else ()
    )
    page = dashboard_page(
        authority_ids=scope_ids(authority, within=form.value("co_quan") or None),
        now=timezone.now(),
        level=form.value("cap"),
        search=form.value("q"),
        category=form.value("xep_loai"),
        sort=form.value("sap_xep"),
        page=request.GET.get("trang", ""),
    )
    groups = column_groups(page.columns)
    query = request.GET.copy()
    query.pop("trang", None)
    rows = [
        {
            "school": row,
            "levels": ", ".join(str(LEVEL_LABELS.get(level, level)) for level in row.levels),
            "category_label": CATEGORY_VI.get(row.category, row.category),
            "groups": group_cells(page.cells[row.id], page.columns, groups),
            "sparkline": sparkline(row.trend),
        }
        for row in page.rows
    ]
    return portal_render(
        request,
        "portal/dashboard.html",
        {
            "authority": authority,
            "form": form,
            "page": page,
            "rows": rows,
            "many_authorities": len(authorities) > 1,
            "trend_chart": trend_chart(page.trend, title=f"{authority.name}: tỷ lệ đúng hạn"),
            "counts": [
                (key, CATEGORY_VI[key], page.category_counts.get(key, 0))
                for key in (*LISTED_CATEGORIES, "compliant", "not_evaluated")
            ],
            "month_label": month_label(page.month_key),
            "school_year_label": school_year_label(page.school_year_start),
            "querystring": query.urlencode(),
            "all_pages": ALL_PAGES,
            "groups": groups,
            "colspan": 10 + (len(authorities) > 1) + len(groups),
        },
    )
