"""Forms of the portal (Vietnamese labels; validation only, no side effects)."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from portal.form_errors import ExplainedForm
from portal.permissions import role_on_authority
from tenants.date_fields import DayFirstDateField


class PortalAuthenticationForm(AuthenticationForm):
    """Django's login form, refusing users who are not members of this portal's authority.

    The credentials are checked against the public schema's users, so a school's staff account
    (which lives in the school's schema) never authenticates here at all.
    """

    error_messages = {
        "invalid_login": "Tên đăng nhập (e-mail) hoặc mật khẩu không đúng.",
        "inactive": "Tài khoản này đã bị khóa.",
        "not_member": "Tài khoản này không có quyền truy cập cổng thông tin của %(authority)s.",
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = "E-mail"
        self.fields["password"].label = "Mật khẩu"

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        authority = getattr(self.request, "authority", None)
        if authority is None or role_on_authority(user=user, authority=authority) is None:
            raise forms.ValidationError(
                self.error_messages["not_member"],
                code="not_member",
                params={"authority": authority.name if authority else "nền tảng"},
            )


SORT_CHOICES = [
    ("ten", "Tên trường (A–Z)"),
    ("-ten", "Tên trường (Z–A)"),
    ("diem-thang", "Điểm tháng (thấp trước)"),
    ("-diem-thang", "Điểm tháng (cao trước)"),
    ("diem-nam", "Điểm năm học (thấp trước)"),
    ("-diem-nam", "Điểm năm học (cao trước)"),
    ("-tre", "Nhiều mục trễ nhất"),
    ("-thieu", "Nhiều mục thiếu nhất"),
    ("dang-bai", "Lâu chưa đăng bài nhất"),
    ("-dang-bai", "Mới đăng bài nhất"),
]


class DashboardFilterForm(forms.Form):
    """The dashboard's GET filters; a bad value is ignored (the list shows every school for
    that filter) and named in a notice (`ignored`)."""

    q = forms.CharField(label="Tìm theo tên", required=False, max_length=100)
    cap = forms.ChoiceField(label="Cấp học", required=False)
    co_quan = forms.ChoiceField(label="Cơ quan quản lý", required=False)
    xep_loai = forms.ChoiceField(label="Xếp loại tháng", required=False)
    sap_xep = forms.ChoiceField(label="Sắp xếp", required=False, choices=SORT_CHOICES)

    def __init__(self, data=None, *, authorities=(), **kwargs):
        from compliance.presentation import CATEGORY_VI
        from tenants.models import Level

        super().__init__(data, **kwargs)
        self.fields["q"].widget = forms.TextInput(attrs={"type": "search"})
        self.fields["cap"].choices = [("", "Tất cả")] + list(Level.choices)
        self.fields["co_quan"].choices = [("", "Tất cả")] + [(a.code, a.name) for a in authorities]
        self.fields["xep_loai"].choices = [("", "Tất cả")] + list(CATEGORY_VI.items())

    def value(self, name: str) -> str:
        """The cleaned value of one filter, "" when absent or invalid."""
        if not self.is_bound:
            return ""
        self.is_valid()  # fills cleaned_data with every field that is valid
        return self.cleaned_data.get(name) or ""

    def ignored(self) -> list[str]:
        """One sentence per filter whose value was not understood, naming the value."""
        if not self.is_bound or self.is_valid():
            return []
        return [
            _("Bộ lọc “%(label)s” không có lựa chọn “%(value)s”: bộ lọc này đã được bỏ qua.")
            % {"label": self.fields[name].label, "value": self.data.get(name, "")}
            for name in self.errors
        ]


class ReportGenerateForm(ExplainedForm):
    """The month as people write it (`10/2026`; `2026-10` is accepted too)."""

    thang = forms.CharField(label=_("Tháng báo cáo (mm/yyyy, ví dụ 10/2026)"), max_length=20)
    expected = {"thang": _("Chọn tháng báo cáo (mm/yyyy), ví dụ 11/2026.")}

    def __init__(self, *args, month=None, **kwargs):
        from reports.months import month_typed

        super().__init__(*args, **kwargs)
        if month is not None:
            self.initial["thang"] = month_typed(month)

    def clean_thang(self):
        from reports.months import month_parse

        try:
            return month_parse(self.cleaned_data["thang"])
        except ValueError as error:
            raise forms.ValidationError(
                _("Tháng báo cáo: %(reason)s") % {"reason": error}, code="invalid"
            ) from None


class ReportDocumentForm(ExplainedForm):
    """The monthly list's administrative-document fields (reports/official.py checks them)."""

    expected = {
        "doc_number": _("Ghi số văn bản (số thứ tự bằng chữ số), ví dụ 12."),
        "doc_symbol": _("Ghi ký hiệu văn bản, ví dụ TB-PGDĐT (in là Số: 12/TB-PGDĐT)."),
        "doc_place": _("Ghi địa danh ở dòng ngày tháng, ví dụ Phong Điền."),
        "doc_date": _("Ghi ngày ban hành (dd/mm/yyyy), ví dụ 01/12/2026."),
        "signer_title": _("Ghi chức vụ người ký, ví dụ TRƯỞNG PHÒNG."),
        "signer_name": _("Ghi họ tên người ký, ví dụ Nguyễn Văn An."),
        "recipients": _("Ghi nơi nhận, mỗi dòng một nơi, ví dụ “Các trường trực thuộc;”."),
    }
    doc_number = forms.CharField(label="Số", max_length=16, help_text="Số thứ tự, ví dụ 12")
    doc_symbol = forms.CharField(
        label="Ký hiệu", max_length=64, help_text="Ví dụ TB-PGDĐT (in là Số: 12/TB-PGDĐT)"
    )
    doc_place = forms.CharField(label="Địa danh", max_length=100, help_text="Ví dụ Phong Điền")
    doc_date = DayFirstDateField(label="Ngày ban hành (dd/mm/yyyy)")
    issuer_parent = forms.CharField(
        label="Cơ quan chủ quản (dòng trên tên cơ quan, không bắt buộc)",
        max_length=255,
        required=False,
        help_text="Ví dụ UBND PHƯỜNG PHONG ĐIỀN",
    )
    issuer = forms.CharField(
        label="Cơ quan ban hành (dòng in đậm)",
        max_length=255,
        required=False,
        help_text="Ví dụ PHÒNG VĂN HÓA - XÃ HỘI; để trống: theo loại cơ quan",
    )
    signer_title = forms.CharField(
        label="Chức vụ người ký",
        max_length=255,
        help_text="Ví dụ TRƯỞNG PHÒNG, hoặc KT. TRƯỞNG PHÒNG / PHÓ TRƯỞNG PHÒNG (mỗi dòng một ý)",
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    signer_name = forms.CharField(label="Họ tên người ký", max_length=150)
    recipients = forms.CharField(
        label="Nơi nhận (mỗi dòng một nơi)", widget=forms.Textarea(attrs={"rows": 4})
    )
    cover_note = forms.CharField(
        label="Nội dung dẫn (không bắt buộc)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ReportRegenerateForm(ExplainedForm):
    reason = forms.CharField(
        label="Lý do tạo lại", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )
    expected = {
        "reason": _(
            "Ghi lý do tạo lại báo cáo, ví dụ “Trường đã đăng bù, đánh giá lại” (lý do được lưu "
            "và công khai cùng báo cáo)."
        )
    }
