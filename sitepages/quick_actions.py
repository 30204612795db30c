"""The buttons at the top of a school's admin home, and the principal's approval queue.

`quick_actions` lists what an editor does every week, each one click away from a form that is
already the right one: a news item, an urgent notice (kind and time received filled in), an
official document, and this week's weekly plan / work schedule / lesson register / menu. For a
weekly page the button opens this week's page when there is one, else makes this week's draft
by copying last week's (dates moved; sitepages/services/week_copy.py), else makes an empty
draft with the week filled in (sitepages/services/periodic.py).

`approval_queue` lists the pages waiting for the user's approval (Wagtail's task states the user
may review), for one-click "approve" / "request changes" through Wagtail's own workflow action.
"""

import datetime as dt
from dataclasses import dataclass

from django.urls import reverse
from wagtail.models import TaskState

from sitepages import calendar
from sitepages.models import DocumentIndexPage, NewsIndexPage
from sitepages.period_kinds import KINDS

WEEKLY_CODES = ("weekly-plan", "work-schedule", "lesson-register", "menu")


@dataclass(frozen=True)
class QuickAction:
    label: str
    url: str
    method: str = "get"  # "post": a form with the hidden `fields`
    fields: tuple[tuple[str, str], ...] = ()
    hint: str = ""  # "chép từ tuần trước", "đã có, mở để sửa"
    primary: bool = False


def _add_url(model_name: str, parent) -> str:
    return reverse("wagtailadmin_pages:add", args=("sitepages", model_name, parent.pk))


def quick_actions(*, user, today: dt.date) -> list[QuickAction]:
    """The buttons `user` may use on `today` (local date), in the order of a week's work."""
    actions = []
    news = NewsIndexPage.objects.first()
    if news and news.permissions_for_user(user).can_add_subpage():
        actions.append(QuickAction("Đăng tin mới", _add_url("newspage", news), primary=True))
        actions.append(QuickAction("Thông báo khẩn", reverse("sitepages_urgent_create")))
    documents = DocumentIndexPage.objects.first()
    if documents and documents.permissions_for_user(user).can_add_subpage():
        actions.append(QuickAction("Thêm văn bản", _add_url("officialdocumentpage", documents)))
    monday = calendar.monday_of(today)
    for code in WEEKLY_CODES:
        kind = KINDS[code]
        parent = kind.parent_model.objects.first()
        if parent is None:
            continue  # e.g. no menu section in a school that serves no meals
        label = kind.title(monday).split(" (")[0]  # "Kế hoạch tuần 13"
        page = kind.existing(monday)
        if page is not None:
            if page.permissions_for_user(user).can_edit():
                actions.append(
                    QuickAction(
                        label,
                        reverse("wagtailadmin_pages:edit", args=(page.pk,)),
                        hint="Đã có" if page.live else "Bản nháp",
                    )
                )
            continue
        if not parent.permissions_for_user(user).can_add_subpage():
            continue
        fields = (("kind", code), ("period", kind.key(monday)))
        if kind.existing(monday - dt.timedelta(days=7)) is not None:
            actions.append(
                QuickAction(
                    label,
                    reverse("sitepages_week_copy"),
                    method="post",
                    fields=fields,
                    hint="Chép từ tuần trước",
                )
            )
        else:
            actions.append(
                QuickAction(
                    label,
                    reverse("sitepages_due_create"),
                    method="post",
                    fields=fields,
                    hint="Tạo mới",
                )
            )
    return actions


@dataclass(frozen=True)
class Approval:
    title: str
    kind: str  # the page type's name ("Tin tức")
    requested_by: str
    requested_at: dt.datetime
    preview_url: str
    edit_url: str
    approve_url: str
    reject_url: str


def approval_queue(*, user) -> list[Approval]:
    """Pages waiting for `user`'s approval, oldest request first."""
    home = reverse("wagtailadmin_home")
    rows = []
    states = (
        TaskState.objects.reviewable_by(user)
        .select_related("workflow_state__requested_by", "task")
        .order_by("workflow_state__created_at")
    )
    for state in states:
        page = state.workflow_state.content_object
        if page is None or not hasattr(page, "get_latest_revision_as_object"):
            continue
        page = page.specific
        person = state.workflow_state.requested_by
        action = "wagtailadmin_pages:workflow_action"
        rows.append(
            Approval(
                title=page.get_admin_display_title(),
                kind=str(page._meta.verbose_name),
                requested_by=(person.get_full_name() or person.get_username()) if person else "",
                requested_at=state.workflow_state.created_at,
                preview_url=reverse("wagtailadmin_pages:view_draft", args=(page.pk,)),
                edit_url=reverse("wagtailadmin_pages:edit", args=(page.pk,)),
                approve_url=reverse(action, args=(page.pk, "approve", state.pk)) + f"?next={home}",
                reject_url=reverse(action, args=(page.pk, "reject", state.pk)) + f"?next={home}",
            )
        )
    return rows
