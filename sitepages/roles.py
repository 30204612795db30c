"""The school's roles: editors draft, the principal approves and publishes.

Created in the template schema (by `section_tree_ensure`), so every clone has them. Page
permissions are granted on the school's home page; images and documents on the root collection.
Editors submit to the "Hiệu trưởng duyệt" workflow; its single task is approved by the
principal group. Publishing logs the moment the page went live (Wagtail's publish log entry and
`last_published_at`), which is the compliance evidence — moderation never backdates it.

Wagtail's stock "Editors" and "Moderators" groups are removed (migration 0003), so a principal
sees these two roles only. People are named in Vietnamese order: `first_name` holds the family
and middle names ("Nguyễn Thị"), `last_name` the given name ("Lan"); the admin labels the fields
"Họ và tên đệm" / "Tên" (locale/), and Wagtail's "first last" display reads "Nguyễn Thị Lan".
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.models.content_types import get_default_page_content_type

EDITOR_GROUP = "Biên tập viên"
PRINCIPAL_GROUP = "Hiệu trưởng"
WORKFLOW_NAME = "Hiệu trưởng duyệt"

PAGE_PERMISSIONS = {
    EDITOR_GROUP: ("add", "change"),
    PRINCIPAL_GROUP: ("add", "change", "publish", "lock", "unlock"),
}
COLLECTION_PERMISSIONS = {
    EDITOR_GROUP: (
        ("wagtailimages", "add_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "choose_document"),
    ),
    PRINCIPAL_GROUP: (
        ("wagtailimages", "add_image"),
        ("wagtailimages", "change_image"),
        ("wagtailimages", "delete_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "change_document"),
        ("wagtaildocs", "delete_document"),
        ("wagtaildocs", "choose_document"),
    ),
}
MODEL_PERMISSIONS = {
    EDITOR_GROUP: (("wagtailadmin", "access_admin"),),
    PRINCIPAL_GROUP: (
        ("wagtailadmin", "access_admin"),
        ("sitepages", "change_schoolbranding"),
        ("auth", "add_user"),
        ("auth", "change_user"),
    ),
}


def _permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def roles_ensure(*, home: Page) -> dict[str, Group]:
    """Create or complete both groups, their permissions and the approval workflow."""
    page_type = get_default_page_content_type()
    root_collection = Collection.get_first_root_node()
    groups = {}
    for name in (EDITOR_GROUP, PRINCIPAL_GROUP):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*(_permission(*pair) for pair in MODEL_PERMISSIONS[name]))
        for action in PAGE_PERMISSIONS[name]:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=home,
                permission=Permission.objects.get(
                    content_type=page_type, codename=f"{action}_page"
                ),
            )
        for pair in COLLECTION_PERMISSIONS[name]:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=_permission(*pair)
            )
        groups[name] = group
    workflow_ensure(home=home, approvers=groups[PRINCIPAL_GROUP])
    return groups


def workflow_ensure(*, home: Page, approvers: Group) -> Workflow:
    task = GroupApprovalTask.objects.filter(name=WORKFLOW_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=WORKFLOW_NAME)
    task.groups.add(approvers)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
    return workflow


def is_editor_or_principal(user) -> bool:
    """An editor or the principal of this school (the school's schema holds its users), or a
    superuser of it."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=(EDITOR_GROUP, PRINCIPAL_GROUP)).exists()
