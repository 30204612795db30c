"""The admin dashboard panel "Việc cần làm" (what is due)."""

from wagtail.admin.ui.components import Component

from sitepages import periods
from sitepages.due import due_rows
from sitepages.models import DisclosureIndexPage, DisclosureYearPage, MenuIndexPage


class DuePanel(Component):
    """This week's and month's periodic pages, each with a button that makes its draft."""

    name = "sitepages_due"
    template_name = "sitepages/admin/due_panel.html"
    order = 50  # above Wagtail's own panels: this is what a school editor opens the admin for

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        today = periods.local_today()
        levels = getattr(getattr(request, "tenant", None), "levels", None) or []
        rows = due_rows(today=today, levels=levels, has_menu=MenuIndexPage.objects.exists())
        can_add: dict[type, bool] = {}
        for row in rows:
            if row.kind.parent_model not in can_add:
                parent = row.kind.parent_model.objects.first()
                can_add[row.kind.parent_model] = bool(
                    parent and parent.permissions_for_user(request.user).can_add_subpage()
                )
        year = periods.school_year_of(today)
        index = DisclosureIndexPage.objects.first()
        return {
            "rows": [(row, can_add[row.kind.parent_model]) for row in rows],
            "today": today,
            "disclosure_index": index,
            "disclosure_year": year,
            "disclosure_year_label": periods.school_year_label(year),
            "disclosure_year_page": DisclosureYearPage.objects.filter(
                school_year_start=year
            ).first(),
            "can_create_disclosure": bool(
                index and index.permissions_for_user(request.user).can_add_subpage()
            ),
            "csrf_token": parent_context.get("csrf_token"),
            "request": request,
        }
