"""Forms of the workplace (/quan-ly/): Vietnamese labels, shape checks only. What a value may
be (a free host, a valid e-mail, known levels) is the services' to say, so the portal, the
commands and the import give the same reasons."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.form_errors import ExplainedForm
from portal.models import AuthorityMembership
from tenants.models import Level


class SchoolCreateForm(ExplainedForm):
    expected = {
        "name": _("Ghi tên trường, ví dụ Trường THCS Nguyễn Du."),
        "levels": _("Chọn ít nhất một cấp học của trường."),
        "domain": _("Ghi tên miền website của trường, ví dụ thcs-nguyen-du.edu.vn."),
        "co_quan": _("Chọn cơ quan quản lý trường."),
    }
    name = forms.CharField(label=_("Tên trường"), max_length=255)
    levels = forms.MultipleChoiceField(
        label=_("Cấp học"), choices=Level.choices, widget=forms.CheckboxSelectMultiple
    )
    domain = forms.CharField(
        label=_("Tên miền"),
        max_length=300,
        help_text=_("Ví dụ thcs-nguyen-du.edu.vn; địa chỉ website cũng được."),
    )
    code = forms.CharField(
        label=_("Mã trường (không bắt buộc)"),
        max_length=63,
        required=False,
        help_text=_("Để trống: tạo từ tên trường."),
    )
    principal_email = forms.CharField(
        label=_("E-mail hiệu trưởng"),
        max_length=254,
        required=False,
        help_text=_("Hiệu trưởng nhận thư mời đặt mật khẩu quản trị website."),
    )
    serves_meals = forms.BooleanField(label=_("Có tổ chức bán trú"), required=False)
    co_quan = forms.ChoiceField(label=_("Cơ quan quản lý"))

    def __init__(self, *args, authorities=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["co_quan"].choices = [(a.code, a.name) for a in authorities]
        self.fields["principal_email"].widget.input_type = "email"


class ReasonForm(ExplainedForm):
    expected = {"reason": _("Ghi lý do, ví dụ “Trường sáp nhập từ 01/01/2027”.")}
    reason = forms.CharField(
        label=_("Lý do"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class PrincipalForm(ExplainedForm):
    expected = {"email": _("Ghi e-mail hiệu trưởng mới, ví dụ hieutruong@thcs-nguyen-du.edu.vn.")}
    email = forms.CharField(label=_("E-mail hiệu trưởng mới"), max_length=254)


class DomainForm(ExplainedForm):
    expected = {"host": _("Ghi tên miền thêm cho trường, ví dụ thcsnguyendu.edu.vn.")}
    host = forms.CharField(label=_("Tên miền thêm"), max_length=300)


class ImportUploadForm(ExplainedForm):
    expected = {"file": _("Chọn tệp danh sách trường (.xlsx, .csv hoặc .txt) để tải lên.")}
    file = forms.FileField(
        label=_("Tệp danh sách trường"),
        help_text=_("Excel .xlsx, CSV hoặc Unicode Text (.txt); tối đa 5 MB."),
    )

    MAX_BYTES = 5 * 1024 * 1024

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > self.MAX_BYTES:
            raise forms.ValidationError(_("Tệp lớn quá 5 MB."))
        return upload


class UserInviteForm(ExplainedForm):
    expected = {
        "email": _("Ghi e-mail của người được mời, ví dụ chuyenvien@xa.gov.vn."),
        "role": _("Chọn vai trò: Quản trị hoặc Thanh tra (chỉ xem)."),
    }
    email = forms.CharField(label=_("E-mail"), max_length=254, widget=forms.EmailInput)
    role = forms.ChoiceField(label=_("Vai trò"), choices=AuthorityMembership.Role.choices)


class UserRoleForm(ExplainedForm):
    role = forms.ChoiceField(label=_("Vai trò"), choices=AuthorityMembership.Role.choices)
