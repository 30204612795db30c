"""StreamField blocks shared by the page types.

Rows that a page shows as a table (a week's schedule, a menu) are StreamField blocks rather than
separate tables: they render without extra queries, which keeps the home page within budget.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock

from sitepages.calendar import WEEKDAY_CHOICES


class AttachmentBlock(blocks.StructBlock):
    """A file to download (plans and documents are often PDF or Word files)."""

    document = DocumentChooserBlock(label=_("Tệp"))
    label = blocks.CharBlock(
        label=_("Tên hiển thị"), required=False, help_text=_("Để trống để dùng tên của tệp.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Tệp đính kèm")
        template = "sitepages/blocks/attachment.html"


def attachment_stream_blocks():
    return [("file", AttachmentBlock())]


class WeekdayBlock(blocks.ChoiceBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", "Thứ")
        super().__init__(choices=WEEKDAY_CHOICES, **kwargs)


class ScheduleEntryBlock(blocks.StructBlock):
    """One line of a weekly work schedule (lịch công tác tuần)."""

    weekday = WeekdayBlock()
    time = blocks.CharBlock(label="Thời gian", required=False, max_length=40)
    content = blocks.TextBlock(label="Nội dung công việc")
    chair = blocks.CharBlock(label="Chủ trì", required=False, max_length=120)
    participants = blocks.CharBlock(label="Thành phần", required=False, max_length=255)
    location = blocks.CharBlock(label="Địa điểm", required=False, max_length=120)

    class Meta:
        icon = "date"
        label = "Công việc"


class TeacherRegisterBlock(blocks.StructBlock):
    """One teacher's lesson register for the week (lịch báo giảng)."""

    teacher = blocks.CharBlock(label="Giáo viên", max_length=120)
    subject = blocks.CharBlock(label="Môn / lớp", required=False, max_length=120)
    document = DocumentChooserBlock(label="Tệp lịch báo giảng")

    class Meta:
        icon = "user"
        label = "Lịch báo giảng của giáo viên"


class LessonBlock(blocks.StructBlock):
    """One lesson of a lesson register (lịch báo giảng): usually read from the teacher's
    Excel or Word file (sitepages/tables/)."""

    weekday = WeekdayBlock()
    session = blocks.CharBlock(label="Buổi", required=False, max_length=20)
    period = blocks.CharBlock(label="Tiết", required=False, max_length=20)
    subject = blocks.CharBlock(label="Môn", required=False, max_length=80)
    class_name = blocks.CharBlock(label="Lớp", required=False, max_length=40)
    curriculum = blocks.CharBlock(label="Tiết PPCT", required=False, max_length=20)
    lesson = blocks.CharBlock(label="Tên bài dạy", required=False, max_length=255)
    notes = blocks.CharBlock(label="Đồ dùng, ghi chú", required=False, max_length=255)

    class Meta:
        icon = "doc-full"
        label = "Tiết dạy"


class MenuDayBlock(blocks.StructBlock):
    """One day of a planned weekly menu."""

    weekday = WeekdayBlock()
    breakfast = blocks.CharBlock(label="Bữa sáng", required=False, max_length=255)
    lunch = blocks.CharBlock(label="Bữa trưa", required=False, max_length=255)
    snack = blocks.CharBlock(label="Bữa phụ chiều", required=False, max_length=255)

    class Meta:
        icon = "list-ul"
        label = "Thực đơn một ngày"


class QuickLinkBlock(blocks.StructBlock):
    """A shortcut on the home page: a page of the site or an outside address."""

    title = blocks.CharBlock(label="Tiêu đề", max_length=80)
    page = blocks.PageChooserBlock(label="Trang trong website", required=False)
    url = blocks.URLBlock(label="Hoặc địa chỉ bên ngoài", required=False)

    class Meta:
        icon = "link"
        label = "Liên kết nhanh"

    def clean(self, value):
        from django.core.exceptions import ValidationError
        from wagtail.blocks.struct_block import StructBlockValidationError

        result = super().clean(value)
        if not result.get("page") and not result.get("url"):
            raise StructBlockValidationError(
                block_errors={
                    "url": ValidationError(gettext("Chọn một trang hoặc nhập một địa chỉ."))
                }
            )
        return result


class ProcedureStepBlock(blocks.TextBlock):
    class Meta:
        icon = "arrow-right"
        label = "Bước"


class ClassTimetableBlock(blocks.StructBlock):
    """One class's timetable (thời khóa biểu lớp 6A): a table whose first row names the days
    and first column the periods, or a file, or both."""

    class_name = blocks.CharBlock(
        label=_("Lớp"), max_length=20, help_text=_("Tên lớp như phụ huynh biết, ví dụ 6A.")
    )
    table = TableBlock(
        label=_("Bảng"),
        required=False,
        help_text=_("Hàng đầu: các thứ trong tuần; cột đầu: các tiết."),
    )
    document = DocumentChooserBlock(label=_("Tệp thời khóa biểu của lớp"), required=False)
    note = blocks.TextBlock(label=_("Ghi chú"), required=False)

    class Meta:
        icon = "table"
        label = _("Thời khóa biểu một lớp")

    def clean(self, value):
        value = super().clean(value)
        rows = (value.get("table") or {}).get("data") or []
        has_table = any((cell or "").strip() for row in rows[1:] for cell in row[1:] if row)
        if not has_table and not value.get("document"):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "table": ValidationError(_("Hãy nhập bảng hoặc chọn tệp cho lớp này."))
                }
            )
        return value
