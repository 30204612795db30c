"""Who a school's admin lets manage whom: a principal manages editors, nothing more.

Wagtail gives anyone with `auth.add_user` / `auth.change_user` (the principal's role, see
`roles.py`) a user form with an "Administrator" box and every group: a principal could make a
superuser, name a second principal, or take over a superuser's account by changing its
password (issue 11). Here, for every manager who is not a superuser:

- the user forms have no "Administrator" box and offer the editor role only
  (`SchoolUserCreationForm`, `SchoolUserEditForm`); a principal editing their own account does
  not see the roles at all, so they cannot drop or widen their own;
- the accounts of superusers and of other principals cannot be opened for editing
  (`user_manageable_by`, checked by `SchoolUserEditView`), and bulk actions on them, or assigning
  any role but editor in bulk, are refused (`bulk_action_refusal`, a `before_bulk_action` hook).

Superusers (the platform's operators) keep Wagtail's full forms, but for one thing: nobody
types a password for someone else. A new account is made without a usable password and its
owner gets an invitation e-mail with a one-time set-password link
(`sitepages.services.invitations`); a principal's form to edit an editor has no password fields
either (the editor asks for a new link on the login page). Wired in by
`sitepages.users_app.SchoolUsersAppConfig` in place of `wagtail.users` in TENANT_APPS.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import users as wagtail_users

from sitepages.roles import EDITOR_GROUP, PRINCIPAL_GROUP
from sitepages.services.invitations import user_invitation_send

MANAGEABLE_GROUPS = (EDITOR_GROUP,)


def user_manageable_by(manager, target) -> bool:
    """Whether `manager` may edit `target`'s account: superusers anyone; others only accounts
    that are neither superusers nor principals (their own account excepted)."""
    if manager.is_superuser:
        return True
    if target.pk == manager.pk:
        return True
    if target.is_superuser:
        return False
    return not target.groups.exclude(name__in=MANAGEABLE_GROUPS).exists()


class ManagedUserFormMixin:
    """Takes `manager=` (the logged-in user) and narrows the form for non-superusers."""

    def __init__(self, *args, manager=None, **kwargs):
        editing_self = kwargs.get("editing_self", False)
        # only an operator types a password for someone else (read by Wagtail's form)
        self.passwords_typed = manager is None or manager.is_superuser
        super().__init__(*args, **kwargs)
        if manager is None or manager.is_superuser:
            return
        self.fields.pop("is_superuser", None)
        if editing_self:
            self.fields.pop("groups", None)
        elif "groups" in self.fields:
            self.fields["groups"].queryset = Group.objects.filter(name__in=MANAGEABLE_GROUPS)
            self.fields["groups"].help_text = _(
                "Hiệu trưởng chỉ cấp quyền Biên tập viên; quyền Hiệu trưởng và quản trị hệ thống "
                "do cơ quan quản lý cấp."
            )

    @property
    def password_enabled(self):
        return self.passwords_typed and super().password_enabled


class SchoolUserCreationForm(ManagedUserFormMixin, UserCreationForm):
    """No password fields: the account's owner sets one from the invitation e-mail."""

    password_enabled = False

    def save(self, commit=True):
        user = super().save(commit=False)
        user.set_unusable_password()
        if commit:
            user.save()
            self.save_m2m()
        return user


class SchoolUserEditForm(ManagedUserFormMixin, UserEditForm):
    pass


class SchoolUserCreateView(wagtail_users.CreateView):
    invitation_sent = False

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "manager": self.request.user}

    def save_action(self):
        # after the account's transaction has committed: the link's token reads the saved row
        self.invitation_sent = user_invitation_send(user=self.object, inviter=self.request.user)
        return super().save_action()

    def get_success_message(self, instance):
        values = {"user": instance.get_username(), "email": instance.email}
        if self.invitation_sent:
            return (
                _("Đã tạo tài khoản %(user)s và gửi thư mời đặt mật khẩu đến %(email)s.") % values
            )
        return (
            _(
                "Đã tạo tài khoản %(user)s nhưng chưa gửi được thư mời đến %(email)s; người dùng "
                "có thể bấm “Quên mật khẩu” ở trang đăng nhập để nhận liên kết."
            )
            % values
        )


class SchoolUserEditView(wagtail_users.EditView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if not user_manageable_by(request.user, self.object):
            raise PermissionDenied

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "manager": self.request.user}


class SchoolUserViewSet(wagtail_users.UserViewSet):
    add_view_class = SchoolUserCreateView
    edit_view_class = SchoolUserEditView

    def get_form_class(self, for_update=False):
        return SchoolUserEditForm if for_update else SchoolUserCreationForm


def bulk_action_refusal(request, action_type: str, objects) -> str | None:
    """Why a non-superuser may not run this bulk action on these users, or None."""
    if request.user.is_superuser:
        return None
    users = [obj for obj in objects if isinstance(obj, get_user_model())]
    if not users:
        return None
    if any(not user_manageable_by(request.user, user) for user in users):
        return str(_("Hiệu trưởng chỉ quản lý tài khoản Biên tập viên của trường."))
    if action_type == "assign_role":
        role = Group.objects.filter(pk=request.POST.get("role") or None).first()
        if role is not None and role.name not in MANAGEABLE_GROUPS:
            return str(_("Hiệu trưởng chỉ cấp quyền Biên tập viên."))
    return None


__all__ = [
    "PRINCIPAL_GROUP",
    "SchoolUserViewSet",
    "bulk_action_refusal",
    "user_manageable_by",
]
