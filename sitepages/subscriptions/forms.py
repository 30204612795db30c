"""The subscribe form on the follow page: an address and at least one topic."""

from django import forms
from django.utils.translation import gettext_lazy as _

from sitepages.models import SubscriptionTopic
from tenants.text import line_clean


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label=_("Địa chỉ thư điện tử của bạn"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "inputmode": "email"}),
        error_messages={
            "required": _("Hãy nhập địa chỉ thư điện tử."),
            "invalid": _("Địa chỉ thư điện tử chưa đúng, ví dụ ten@gmail.com."),
        },
    )
    topics = forms.MultipleChoiceField(
        label=_("Nhận tin"),
        choices=SubscriptionTopic.choices,
        initial=SubscriptionTopic.values,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Hãy chọn ít nhất một loại tin.")},
    )
    # Off-screen; only bots fill it in (same idea as the feedback form's honeypot).
    trang_web = forms.CharField(label=_("Xin để trống ô này"), required=False)

    def clean_email(self):
        return line_clean(self.cleaned_data["email"]).lower()

    def clean_trang_web(self):
        if self.cleaned_data.get("trang_web"):
            raise forms.ValidationError(_("Không gửi được yêu cầu."))
        return ""
