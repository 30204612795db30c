"""Lịch công tác, thời khóa biểu, thực đơn: pages that cover a week or a semester."""

from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.db import connection, models
from django.utils.translation import gettext
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from sitepages import calendar
from sitepages.class_timetables import (
    PARAM,
    ClassView,
    class_pick,
    class_views,
    per_class_applies,
)
from sitepages.days import Day, week_days
from sitepages.evidence import EvidenceSpec
from sitepages.models.base import (
    ChildListingPage,
    PeriodPage,
    SchoolPage,
    WeekPeriodPage,
    attachments_field,
    school_year_field,
)
from sitepages.models.blocks import (
    ClassTimetableBlock,
    LessonBlock,
    MenuDayBlock,
    ScheduleEntryBlock,
    TeacherRegisterBlock,
)
from sitepages.page_forms import TableImportPageForm
from tenants.text import text_key

# "Bring the file you already have": an upload or a pasted table fills the page's rows
# (sitepages/page_forms.py); `table_import` on a page names (table kind, StreamField, block).
TABLE_IMPORT_PANEL = MultiFieldPanel(
    [FieldPanel("import_file"), FieldPanel("import_text")],
    heading="Nhập bảng từ tệp Word/Excel",
    classname="collapsible",
)


def school_levels() -> list[str]:
    """The levels of the school whose schema is active (none in the template schema)."""
    return list(getattr(connection.tenant, "levels", None) or [])


class ScheduleIndexPage(ChildListingPage):
    """The weekly schedules section: work schedules and lesson registers."""

    intro = RichTextField("Giới thiệu", blank=True)

    content_panels = SchoolPage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["sitepages.HomePage"]
    subpage_types = ["sitepages.WorkSchedulePage", "sitepages.LessonRegisterPage"]
    max_count = 1

    class Meta:
        verbose_name = "Mục lịch công tác"
        verbose_name_plural = "Mục lịch công tác"


class WorkSchedulePage(WeekPeriodPage):
    """Lịch công tác tuần: who does what, when and where, day by day."""

    compliance_evidence = EvidenceSpec(
        rules=("work-schedule",),
        period=("week_start",),
        measures={"rows": ("entries",), "words": ("notes",), "files": ("attachments",)},
    )

    entries = StreamField(
        [("entry", ScheduleEntryBlock())], blank=True, verbose_name="Công việc trong tuần"
    )
    notes = RichTextField("Ghi chú", blank=True)
    attachments = attachments_field()

    base_form_class = TableImportPageForm
    table_import = ("work-schedule", "entries", "entry")
    content_panels = SchoolPage.content_panels + [
        MultiFieldPanel([FieldPanel("week_start")], heading="Tuần"),
        TABLE_IMPORT_PANEL,
        FieldPanel("entries"),
        FieldPanel("notes"),
        FieldPanel("attachments"),
    ]
    search_fields = SchoolPage.search_fields + [index.SearchField("notes")]
    parent_page_types = ["sitepages.ScheduleIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Lịch công tác tuần"
        verbose_name_plural = "Lịch công tác tuần"

    def days(self) -> list[Day]:
        """The week's entries as days ("Thứ Hai 30/11", [entry values]) in weekday order."""
        return week_days(self.week_start, [block.value for block in self.entries])


class LessonRegisterPage(WeekPeriodPage):
    """Lịch báo giảng: the week's lesson registers, one file per teacher."""

    compliance_evidence = EvidenceSpec(
        rules=("lesson-register",),
        period=("week_start",),
        measures={"rows": ("lessons", "registers"), "files": ("attachments",)},
    )

    lessons = StreamField(
        [("lesson", LessonBlock())], blank=True, verbose_name="Các tiết dạy trong tuần"
    )
    registers = StreamField(
        [("register", TeacherRegisterBlock())],
        blank=True,
        verbose_name="Lịch báo giảng của giáo viên",
    )
    notes = RichTextField("Ghi chú", blank=True)
    attachments = attachments_field("Tệp chung")

    base_form_class = TableImportPageForm
    table_import = ("lesson-register", "lessons", "lesson")
    content_panels = SchoolPage.content_panels + [
        MultiFieldPanel([FieldPanel("week_start")], heading="Tuần"),
        TABLE_IMPORT_PANEL,
        FieldPanel("lessons"),
        FieldPanel("registers"),
        FieldPanel("notes"),
        FieldPanel("attachments"),
    ]
    parent_page_types = ["sitepages.ScheduleIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Lịch báo giảng"
        verbose_name_plural = "Lịch báo giảng"


class TimetableIndexPage(ChildListingPage):
    """The timetable section: one timetable per semester (or per change within one)."""

    intro = RichTextField("Giới thiệu", blank=True)

    content_panels = SchoolPage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["sitepages.HomePage"]
    subpage_types = ["sitepages.TimetablePage"]
    max_count = 1

    class Meta:
        verbose_name = "Mục thời khóa biểu"
        verbose_name_plural = "Mục thời khóa biểu"


class Semester(models.IntegerChoices):
    FIRST = 1, "Học kỳ 1"
    SECOND = 2, "Học kỳ 2"


class TimetablePage(PeriodPage):
    """The timetable of a semester, from the date it takes effect: the school's table or text,
    and for primary and lower-secondary schools one table or file per class, which a parent
    picks (`?lop=6A`, a GET form that needs no JavaScript). A preschool has no timetable: its
    page carries the daily routine (chế độ sinh hoạt một ngày) and points to the menu."""

    compliance_evidence = EvidenceSpec(
        rules=("timetable",),
        period=("school_year_start", "semester"),
        attrs=("effective_from",),
        # The school's own grid, its text, each class's table or file (issue 9: a timetable
        # counts with a table or a file, whichever way the school published it).
        measures={"words": ("body", "grid", "classes"), "files": ("attachments", "classes")},
    )

    school_year_start = school_year_field()
    semester = models.PositiveSmallIntegerField(
        "Học kỳ",
        choices=Semester.choices,
        error_messages={"invalid_choice": "Học kỳ phải là 1 hoặc 2."},
    )
    effective_from = models.DateField("Áp dụng từ ngày")
    grid = StreamField(
        [("table", TableBlock(label="Bảng thời khóa biểu"))],
        blank=True,
        verbose_name="Bảng thời khóa biểu",
    )
    body = RichTextField("Thời khóa biểu", blank=True)
    classes = StreamField(
        [("class_timetable", ClassTimetableBlock())],
        blank=True,
        verbose_name="Thời khóa biểu từng lớp",
        help_text="Tiểu học, THCS: mỗi lớp một bảng hoặc một tệp; phụ huynh chọn lớp để xem.",
    )
    attachments = attachments_field()

    period_fields = ("school_year_start", "semester", "effective_from")
    base_form_class = TableImportPageForm
    table_import = ("timetable", "grid", "table")
    content_panels = SchoolPage.content_panels + [
        FieldRowPanel(
            [FieldPanel("school_year_start"), FieldPanel("semester"), FieldPanel("effective_from")],
            heading="Học kỳ",
        ),
        TABLE_IMPORT_PANEL,
        FieldPanel("grid"),
        FieldPanel("body"),
        FieldPanel("classes"),
        FieldPanel("attachments"),
    ]
    parent_page_types = ["sitepages.TimetableIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Thời khóa biểu"
        verbose_name_plural = "Thời khóa biểu"

    @property
    def period_label(self) -> str:
        if not (self.school_year_start and self.semester):
            return ""
        label = calendar.semester_label(self.school_year_start, self.semester)
        if self.effective_from:
            label += f", áp dụng từ {self.effective_from:%d/%m/%Y}"
        return label

    def class_names(self) -> list[str]:
        """The classes entered one by one (not those read from the school's grid)."""
        return [block.value["class_name"] for block in self.classes]

    def class_views(self) -> dict[str, ClassView]:
        """Every class a parent can pick: entered, or read from the school's grid."""
        return class_views(
            [block.value for block in self.classes],
            [(block.value or {}).get("data") or [] for block in self.grid],
        )

    def clean(self):
        errors = {}
        try:
            super().clean()
        except ValidationError as error:
            errors = error.update_error_dict({})
        names = [text_key(name).replace(" ", "") for name in self.class_names()]
        if len(set(names)) < len(names):
            errors.setdefault("classes", []).append(
                gettext("Mỗi lớp chỉ có một thời khóa biểu: tên lớp bị trùng.")
            )
        if self.classes and not per_class_applies(school_levels()):
            errors.setdefault("classes", []).append(
                gettext(
                    "Trường mầm non không có thời khóa biểu theo lớp: hãy ghi chế độ sinh hoạt "
                    "một ngày vào phần nội dung, còn thực đơn đăng ở mục Thực đơn."
                )
            )
        if errors:
            raise ValidationError(errors)

    def get_cached_paths(self):
        """Each class's view (`?lop=6A`) is purged from the front cache with the page."""
        return ["/", *(f"?{urlencode({PARAM: name})}" for name in self.class_views())]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        per_class = per_class_applies(school_levels())
        context["per_class"] = per_class
        if per_class:
            views = self.class_views()
            asked = (request.GET.get(PARAM) or "").strip()[:20]
            chosen = class_pick(list(views), asked)
            context.update(asked=asked, class_names=list(views), chosen_class=chosen)
            if chosen:
                context["chosen"] = views[chosen]
        else:
            context["menu_index"] = MenuIndexPage.objects.live().public().first()
        return context

    def period_errors(self):
        # A semester other than 1|2 is refused by the field's choices, with the same wording.
        errors = {}
        if self.school_year_start and self.effective_from:
            first, last = calendar.school_year_bounds(self.school_year_start)
            if not first <= self.effective_from <= last:
                errors["effective_from"] = gettext(
                    "Ngày áp dụng phải nằm trong %(year)s (%(first)s – %(last)s)."
                ) % {
                    "year": calendar.school_year_label(self.school_year_start).lower(),
                    "first": f"{first:%d/%m/%Y}",
                    "last": f"{last:%d/%m/%Y}",
                }
        return errors


class MenuIndexPage(ChildListingPage):
    """The menu section (preschools; schools that serve meals)."""

    intro = RichTextField("Giới thiệu", blank=True)

    content_panels = SchoolPage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["sitepages.HomePage"]
    subpage_types = ["sitepages.MenuPage"]
    max_count = 1

    class Meta:
        verbose_name = "Mục thực đơn"
        verbose_name_plural = "Mục thực đơn"


class MenuPage(WeekPeriodPage):
    """The planned menu of one week (due before Saturday of the week before)."""

    compliance_evidence = EvidenceSpec(
        rules=("menu", "mn-weekly-plan"),
        period=("week_start",),
        measures={"rows": ("days",), "files": ("attachments",)},
    )

    days = StreamField([("day", MenuDayBlock())], blank=True, verbose_name="Thực đơn theo ngày")
    notes = RichTextField("Ghi chú", blank=True)
    attachments = attachments_field()

    base_form_class = TableImportPageForm
    table_import = ("menu", "days", "day")
    content_panels = SchoolPage.content_panels + [
        MultiFieldPanel([FieldPanel("week_start")], heading="Tuần"),
        TABLE_IMPORT_PANEL,
        FieldPanel("days"),
        FieldPanel("notes"),
        FieldPanel("attachments"),
    ]
    parent_page_types = ["sitepages.MenuIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Thực đơn tuần"
        verbose_name_plural = "Thực đơn tuần"

    def menu_days(self) -> list[Day]:
        """The week's menu as days ("Thứ Hai 30/11", [that day's meals]) in weekday order."""
        return week_days(self.week_start, [block.value for block in self.days])
