"""Admin forms: alt text is required on every image an editor uploads.

Wagtail's image model already has a `description` field, used as the alt text by `{% image %}`
and renditions; this base form (setting `WAGTAILIMAGES_IMAGE_FORM_BASE`) makes it required, so
no custom image model (and no image-table migration) is needed. The multiple-upload view keeps
working: it holds the file and asks for the description before creating the image.
A new upload must also decode as a picture (`validators.validate_image_decodes`): a broken GIF
or a text file named `.jpg` gets a Vietnamese message, not a 500 when its thumbnail is made.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy
from wagtail.admin.forms.auth import LoginForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from sitepages.validators import broken_image_error, validate_image_decodes

ALT_TEXT_LABEL = "Mô tả ảnh (văn bản thay thế)"
ALT_TEXT_HELP = (
    "Bắt buộc: mô tả ngắn nội dung ảnh cho người khiếm thị và khi ảnh không tải được, "
    "ví dụ “Học sinh lớp 6A trồng cây trong sân trường”."
)

ALT_TEXT_REQUIRED = "Hãy nhập mô tả ảnh (văn bản thay thế)."


class DecodedImageField(WagtailImageField):
    """Wagtail's image field, whose own checks let a torn image's OSError escape (a 500 at
    upload); here every error of reading the picture is the Vietnamese message, and a new
    upload must decode fully (`validate_image_decodes`)."""

    def to_python(self, data):
        try:
            file = super().to_python(data)
        except ValidationError:
            raise
        except (OSError, SyntaxError, ValueError, EOFError, IndexError) as error:
            raise broken_image_error(getattr(data, "name", "") or "") from error
        if isinstance(file, UploadedFile):
            validate_image_decodes(file)
        return file


class SchoolImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if isinstance(self.fields.get("file"), WagtailImageField):
            # get_image_form builds the field itself; keep its settings, add the decoding check
            self.fields["file"].__class__ = DecodedImageField
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
