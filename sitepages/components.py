"""The admin home's own panels: quick actions and the approval queue (what is due and late is
compliance's one panel, compliance/admin_panel.py)."""

from wagtail.admin.ui.components import Component

from sitepages import calendar
from sitepages.quick_actions import quick_actions


class QuickActionsPanel(Component):
    """The week's work, one click each, at the top of the admin home (quick_actions.py)."""

    name = "sitepages_quick_actions"
    template_name = "sitepages/admin/quick_actions.html"
    order = 10

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        return {
            "actions": quick_actions(user=request.user, today=calendar.local_today()),
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
