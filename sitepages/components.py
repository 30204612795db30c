"""The admin home's panels: quick actions, the approval queue, "Việc cần làm" (what is due)."""

from wagtail.admin.ui.components import Component

from sitepages import calendar
from sitepages.due import due_rows
from sitepages.models import DisclosureIndexPage, DisclosureYearPage, MenuIndexPage
from sitepages.quick_actions import quick_actions


class DuePanel(Component):
    """This week's and month's periodic pages, each with a button that makes its draft."""

    name = "sitepages_due"
    template_name = "sitepages/admin/due_panel.html"
    order = 50  # above Wagtail's own panels: this is what a school editor opens the admin for

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        today = calendar.local_today()
        levels = getattr(getattr(request, "tenant", None), "levels", None) or []
        rows = due_rows(today=today, levels=levels, has_menu=MenuIndexPage.objects.exists())
        can_add: dict[type, bool] = {}
        for row in rows:
            if row.kind.parent_model not in can_add:
                parent = row.kind.parent_model.objects.first()
                can_add[row.kind.parent_model] = bool(
                    parent and parent.permissions_for_user(request.user).can_add_subpage()
                )
        year = calendar.school_year_of(today)
        index = DisclosureIndexPage.objects.first()
        return {
            "rows": [(row, can_add[row.kind.parent_model]) for row in rows],
            "today": today,
            "disclosure_index": index,
            "disclosure_year": year,
            "disclosure_year_label": calendar.school_year_label(year),
            "disclosure_year_page": DisclosureYearPage.objects.filter(
                school_year_start=year
            ).first(),
            "can_create_disclosure": bool(
                index and index.permissions_for_user(request.user).can_add_subpage()
            ),
            "csrf_token": parent_context.get("csrf_token"),
            "request": request,
        }


class QuickActionsPanel(Component):
    """The week's work, one click each, at the top of the admin home (quick_actions.py)."""

    name = "sitepages_quick_actions"
    template_name = "sitepages/admin/quick_actions.html"
    order = 10

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        return {
            "actions": quick_actions(user=request.user, today=periods.local_today()),
            "csrf_token": parent_context.get("csrf_token"),
        }


class ApprovalQueuePanel(Component):
    """Pages waiting for this user's approval: approve / request changes in one click each."""

    name = "sitepages_approval_queue"
    template_name = "sitepages/admin/approval_queue.html"
    order = 20

    def __init__(self, rows):
        self.rows = rows

    def get_context_data(self, parent_context):
        return {"rows": self.rows, "csrf_token": parent_context.get("csrf_token")}
