"""Admin registration: branding setting, section protection, the create-this-period action
(the panel that offers it is compliance's, fed by the stored results)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.widgets.button import ButtonWithDropdownFromHook
from wagtail.contrib.settings.registry import register_setting

from sitepages import admin_views
from sitepages.components import ApprovalQueuePanel, QuickActionsPanel
from sitepages.models import DisclosureIndexPage, SchoolBranding
from sitepages.page_forms import table_import_report
from sitepages.protection import protection_problem, refusal_response
from sitepages.quick_actions import approval_queue
from sitepages.roles import is_editor_or_principal

register_setting(SchoolBranding, icon="image")

PROTECTED_ACTION_URLS = (
    ("delete", "wagtailadmin_pages:delete"),
    ("move", "wagtailadmin_pages:move"),
    ("unpublish", "wagtailadmin_pages:unpublish"),
)


@hooks.register("insert_global_admin_js")
def date_picker_quarter_hours():
    """The date-time picker offers every quarter hour, not only whole hours (08:30)."""
    return format_html('<script src="{}"></script>', static("sitepages/js/date-picker.js"))


@hooks.register("before_delete_page")
def refuse_deleting_required_section(request, page):
    return refusal_response(request, [page], "delete")


@hooks.register("before_move_page")
def refuse_moving_required_section(request, page, destination):
    return refusal_response(request, [page], "move")


@hooks.register("before_unpublish_page")
def refuse_unpublishing_required_section(request, page):
    return refusal_response(request, [page], "unpublish")


@hooks.register("before_bulk_action")
def refuse_bulk_action_on_required_sections(request, action_type, objects, action_class_instance):
    if action_type not in ("delete", "move", "unpublish"):
        return None
    pages = [obj for obj in objects if hasattr(obj, "specific_class")]
    return refusal_response(request, pages, action_type)


@hooks.register("before_bulk_action")
def refuse_bulk_action_beyond_editors(request, action_type, objects, action_class_instance):
    from django.contrib import messages
    from django.shortcuts import redirect

    from sitepages.user_admin import bulk_action_refusal

    reason = bulk_action_refusal(request, action_type, objects)
    if reason is None:
        return None
    messages.error(request, reason)
    return redirect("wagtailusers_users:index")


@hooks.register("construct_page_listing_buttons")
def hide_refused_listing_buttons(buttons, page, user, context=None):
    """Don't offer delete/move/unpublish where the hooks above would refuse them."""
    refused = {
        reverse(name, args=[page.id])
        for action, name in PROTECTED_ACTION_URLS
        if protection_problem(page, action)
    }
    if not refused:
        return
    for button in buttons:
        if isinstance(button, ButtonWithDropdownFromHook):
            button.dropdown_buttons = [
                item
                for item in button.dropdown_buttons
                if (item.url or "").split("?")[0] not in refused
            ]


@hooks.register("construct_page_action_menu")
def publish_or_submit_first(menu_items, request, context):
    """The main button of the editor's footer does what the weekly routine ends with: "Xuất
    bản" for who may publish, else "Gửi Hiệu trưởng duyệt"; "Lưu nháp" moves to the menu."""
    for name in ("action-publish", "action-submit"):
        chosen = next((item for item in menu_items if item.name == name), None)
        if chosen is not None:
            menu_items.remove(chosen)
            menu_items.insert(0, chosen)
            return


@hooks.register("construct_page_action_menu")
def hide_unpublish_action(menu_items, request, context):
    page = context.get("page")
    if page is not None and page.pk and protection_problem(page, "unpublish"):
        menu_items[:] = [item for item in menu_items if item.name != "action-unpublish"]


@hooks.register("construct_homepage_panels")
def add_quick_actions_and_approval_queue(request, panels):
    """Quick actions first; for a principal, the pages waiting for approval right below them
    (in place of Wagtail's own review panel, which shows the same pages with more clicks).
    What is due and late is compliance's one panel (compliance/wagtail_hooks.py)."""
    rows = approval_queue(user=request.user)
    if rows:
        panels[:] = [panel for panel in panels if panel.name != "workflow_objects_to_moderate"]
        panels.insert(0, ApprovalQueuePanel(rows))
    panels.insert(0, QuickActionsPanel())
    # Wagtail's "what's new" banner links to its English release notes.
    panels[:] = [panel for panel in panels if panel.name != "whats_new_in_wagtail_version"]


@hooks.register("register_admin_urls")
def due_urls():
    return [
        path("viec-can-lam/tao/", admin_views.due_page_create, name="sitepages_due_create"),
        path("tuan/sao-chep/", admin_views.week_page_copy, name="sitepages_week_copy"),
        path(
            "tin-tuc/thong-bao-khan/",
            admin_views.UrgentNoticeCreateView.as_view(),
            name="sitepages_urgent_create",
        ),
        path("quang-ba-website/", admin_views.website_poster_index, name="sitepages_poster"),
        path("huong-dan/", admin_views.editor_guide, name="sitepages_editor_guide"),
        path(
            "quang-ba-website/<slug:kind>.pdf",
            admin_views.website_poster_pdf,
            name="sitepages_poster_pdf",
        ),
        path(
            "cong-khai/<int:index_id>/tao-nam-hoc/",
            admin_views.disclosure_year_create_view,
            name="sitepages_disclosure_year_create",
        ),
    ]


class EditorsAndPrincipalMenuItem(MenuItem):
    def is_shown(self, request):
        return is_editor_or_principal(request.user)


@hooks.register("register_admin_menu_item")
def website_poster_menu_item():
    """The poster and handout cards that make the site known to parents (sitepages.poster)."""
    return EditorsAndPrincipalMenuItem(
        _("Quảng bá website"), reverse("sitepages_poster"), icon_name="site", order=250
    )


def _disclosure_year_button(page, user, priority):
    if page.specific_class is not DisclosureIndexPage:
        return
    if not page.permissions_for_user(user).can_add_subpage():
        return
    yield PageMenuItem(
        label=_("Tạo cây công khai năm học"),
        url=reverse("sitepages_disclosure_year_create", args=[page.id]),
        icon_name="folder-open-inverse",
        priority=priority,
        page=page,
    )


@hooks.register("register_page_header_buttons")
def disclosure_header_button(page, user, view_name, next_url=None):
    yield from _disclosure_year_button(page, user, priority=16)


@hooks.register("register_page_listing_more_buttons")
def disclosure_listing_button(page, user, next_url=None):
    yield from _disclosure_year_button(page, user, priority=9)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def report_table_import(request, page):
    """Say how many rows a file or a pasted table filled, and which lines need correcting."""
    message = table_import_report(page)
    if message is None:
        return
    if "chưa đọc được" in message:
        messages.warning(request, message)
    else:
        messages.success(request, message)


@hooks.register("insert_editor_js")
def editor_js():
    return render_to_string("sitepages/admin/editor_js.html")


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def home_after_publish_or_submit(request, page):
    """After publishing or sending for approval, back to the admin home: what is still due."""
    if "action-publish" in request.POST or "action-submit" in request.POST:
        return redirect("wagtailadmin_home")
    return None


@hooks.register("construct_help_menu")
def help_menu_in_vietnamese(request, menu_items):
    """Wagtail's help menu links to its English guide and release notes on guide.wagtail.org;
    school staff get our Vietnamese guide to the weekly routine instead (the keyboard
    shortcuts item stays)."""
    menu_items[:] = [
        item
        for item in menu_items
        if item.name not in ("editor-guide",) and not item.name.startswith("whats-new-in-wagtail")
    ]
    menu_items.insert(
        0,
        MenuItem(
            _("Hướng dẫn biên tập"),
            reverse("sitepages_editor_guide"),
            icon_name="help",
            name="huong-dan-bien-tap",
        ),
    )
