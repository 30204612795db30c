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

# Phone photos are often 3–12 MB: say what to do, not only that the file is too big.
TOO_LARGE = gettext_lazy(
    "Ảnh nặng %(file_size)s, vượt quá giới hạn %(max_filesize)s cho mỗi ảnh. Hãy thu nhỏ ảnh "
    "rồi tải lên lại (ví dụ gửi ảnh qua Zalo rồi lưu về, hoặc chọn cỡ ảnh “Vừa” khi chia sẻ "
    "từ điện thoại)."
)
TOO_LARGE_UNKNOWN = gettext_lazy(
    "Ảnh vượt quá giới hạn %(max_filesize)s cho mỗi ảnh. Hãy thu nhỏ ảnh rồi tải lên lại."
)


class DecodedImageField(WagtailImageField):
    """Wagtail's image field, whose own checks let a torn image's OSError escape (a 500 at
    upload); here every error of reading the picture is the Vietnamese message, and a new
    upload must decode fully (`validate_image_decodes`). A file over
    `WAGTAILIMAGES_MAX_UPLOAD_SIZE` is refused with a message saying how to make it smaller."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.messages_set()

    def messages_set(self) -> None:
        """The size messages (also called on a field whose class was swapped to this one)."""
        self.error_messages["file_too_large"] = TOO_LARGE
        self.error_messages["file_too_large_unknown_size"] = TOO_LARGE_UNKNOWN % {
            "max_filesize": self.max_upload_size_text
        }

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
            self.fields["file"].messages_set()
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
