"""Wagtail's users app, with the user views that keep a principal to managing editors
(`sitepages.user_admin`). Listed in TENANT_APPS in place of `wagtail.users`."""

from wagtail.users.apps import WagtailUsersAppConfig


class SchoolUsersAppConfig(WagtailUsersAppConfig):
    user_viewset = "sitepages.user_admin.SchoolUserViewSet"
