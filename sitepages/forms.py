"""Admin forms: alt text is required on every image an editor uploads.

Wagtail's image model already has a `description` field, used as the alt text by `{% image %}`
and renditions; this base form (setting `WAGTAILIMAGES_IMAGE_FORM_BASE`) makes it required, so
no custom image model (and no image-table migration) is needed. The multiple-upload view keeps
working: it holds the file and asks for the description before creating the image.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy
from wagtail.admin.forms.auth import LoginForm
from wagtail.images.forms import BaseImageForm

ALT_TEXT_LABEL = "Mô tả ảnh (văn bản thay thế)"
ALT_TEXT_HELP = (
    "Bắt buộc: mô tả ngắn nội dung ảnh cho người khiếm thị và khi ảnh không tải được, "
    "ví dụ “Học sinh lớp 6A trồng cây trong sân trường”."
)

ALT_TEXT_REQUIRED = "Hãy nhập mô tả ảnh (văn bản thay thế)."


class SchoolImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("description")
        if field is not None:
            field.required = True
            field.label = ALT_TEXT_LABEL
            field.help_text = ALT_TEXT_HELP
            field.error_messages["required"] = ALT_TEXT_REQUIRED

    def clean_description(self):
        value = (self.cleaned_data.get("description") or "").strip()
        if "description" in self.fields and not value:
            raise ValidationError(ALT_TEXT_REQUIRED, code="required")
        return value


class SchoolLoginForm(LoginForm):
    """Wagtail's login form, whose password field has no label of its own: Django then shows
    the field name, "Password", untranslated (setting `WAGTAILADMIN_USER_LOGIN_FORM`)."""

    password = forms.CharField(
        label=gettext_lazy("Password"),
        widget=forms.PasswordInput(attrs={"placeholder": gettext_lazy("Enter password")}),
        strip=False,
    )
