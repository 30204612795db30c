"""Admin forms of the school's page types (Wagtail's `base_form_class`).

`PeriodPageForm` — a page that covers a period takes its title from it unless the editor writes
another ("Kế hoạch tuần 13 (30/11 – 06/12/2026)"; left blank, or left as the title of the
period it had, the title follows the period), and so does its slug; the week is picked from
the school year's weeks by their teaching-week labels, a month as month and year.

`TableImportPageForm` — "bring the file you already have": the work schedule, the lesson
register, the menu and the timetable take an uploaded Word/Excel file, or a table pasted from
either, and turn its table into the page's rows (sitepages/tables/). The uploaded file becomes
a Wagtail document attached to the page for download; lines that cannot be read are added to
the page's notes under a heading asking for correction, and the editor is told which (see
`table_import_report`), so nothing the school typed is lost.

A page declares what it imports as `table_import = (table kind, StreamField name, block name)`.
"""

import datetime as dt
import html

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.documents import get_document_model

from sitepages import calendar
from sitepages.slugs import ascii_slug
from sitepages.tables.columns import KINDS as TABLE_KINDS
from sitepages.tables.columns import TableRead, table_rows_read, timetable_table
from sitepages.tables.reading import TableFileError, grids_from_paste, grids_read

TIMETABLE = "timetable"
MONTHS = [(number, f"Tháng {number}") for number in range(1, 13)]


def week_choices(around: dt.date) -> list[tuple[str, str]]:
    """The Mondays of the school year holding `around` (from the week of 01/08), each labelled
    as parents read it: `("2026-11-30", "Tuần 13 (30/11 – 06/12/2026)")`."""
    first, last = calendar.school_year_bounds(calendar.school_year_of(around))
    monday = calendar.monday_of(first)
    choices = []
    while monday <= last:
        choices.append((monday.isoformat(), calendar.week_label(monday)))
        monday += dt.timedelta(days=7)
    return choices


def week_value_parse(value) -> dt.date | None:
    """A posted week: its Monday as `2026-11-30` (the picker) or `30/11/2026` (typed, API)."""
    if isinstance(value, dt.date):
        return value
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(str(value).strip(), pattern).date()
        except ValueError:
            continue
    return None


class WeekChoiceField(forms.TypedChoiceField):
    """A week picked by its label; the value is its Monday. A date posted in another form is
    still read, so that the page's own check can say what is wrong with it (not a Monday)."""

    def __init__(self, *, around: dt.date, current: dt.date | None = None, **kwargs):
        choices = week_choices(around)
        if current and current.isoformat() not in dict(choices):
            choices.append((current.isoformat(), calendar.week_label(current)))
        super().__init__(
            choices=[("", "---------"), *choices],
            coerce=week_value_parse,
            empty_value=None,
            **kwargs,
        )
        self.error_messages["invalid_choice"] = "Hãy chọn một tuần trong danh sách."

    def valid_value(self, value):
        return week_value_parse(value) is not None

    def prepare_value(self, value):
        parsed = week_value_parse(value) if value else None
        return parsed.isoformat() if parsed else value


class MonthYearWidget(forms.MultiWidget):
    def __init__(self, attrs=None):
        super().__init__(
            [
                forms.Select(choices=MONTHS, attrs={"aria-label": "Tháng"}),
                forms.NumberInput(attrs={"aria-label": "Năm", "min": 2000, "max": 2100}),
            ],
            attrs,
        )

    def decompress(self, value):
        return [value.month, value.year] if isinstance(value, dt.date) else [None, None]


class MonthYearField(forms.MultiValueField):
    """A month picked as month and year; the value is its first day."""

    widget = MonthYearWidget

    def __init__(self, **kwargs):
        super().__init__(
            fields=[
                forms.TypedChoiceField(choices=MONTHS, coerce=int),
                forms.IntegerField(min_value=2000, max_value=2100),
            ],
            error_messages={
                "incomplete": "Hãy chọn tháng và nhập năm.",
                "required": "Hãy chọn tháng và nhập năm.",
            },
            **kwargs,
        )

    def compress(self, values):
        if not values:
            return None
        month, year = values
        if not (month and year):
            raise ValidationError(_("Hãy chọn tháng và nhập năm."))
        return dt.date(int(year), int(month), 1)


def _period_kind(page):
    """The due kind (sitepages/due.py) of `page`'s type, or None."""
    from sitepages.period_kinds import (
        KINDS,  # period_kinds imports the models, which import this module
    )

    return next((kind for kind in KINDS.values() if kind.model is type(page)), None)


def _period_of(kind, values) -> object | None:
    if kind.shape == "week":
        return values.get("week_start")
    if kind.shape == "month":
        return values.get("month")
    if kind.shape == "year":
        return values.get("school_year_start")
    year, semester = values.get("school_year_start"), values.get("semester")
    return (int(year), int(semester)) if year and semester else None


def free_slug(form, base: str) -> str:
    """`base`, or `base-2`, `base-3`… whichever is free among the page's siblings."""
    from wagtail.models import Page

    slug, number = base, 2
    while form.parent_page is not None and not Page._slug_is_available(
        slug, form.parent_page, form.instance
    ):
        slug, number = f"{base}-{number}", number + 1
    return slug


class PeriodPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.period_kind = _period_kind(self.instance)
        if self.period_kind is None:
            return
        for name in ("title", "slug"):
            if name in self.fields:
                self.fields[name].required = False
        if "title" in self.fields:
            example = self.period_kind.title_prefix + " …"
            if self.period_kind.shape == "week":
                example = self.period_kind.title(dt.date(2026, 11, 30))
            self.fields[
                "title"
            ].help_text = f"Để trống thì tự đặt theo kỳ, ví dụ “{example}”; có thể sửa."
        old = self.fields.get("week_start")
        if old is not None:
            current = self.instance.week_start
            self.fields["week_start"] = WeekChoiceField(
                around=current or calendar.local_today(),
                current=current,
                label=old.label,
                help_text="Chọn tuần theo số tuần học của năm học.",
                required=True,
            )
            if not current and not self.is_bound:
                self.initial["week_start"] = calendar.monday_of(calendar.local_today())
        old = self.fields.get("month")
        if old is not None:
            self.fields["month"] = MonthYearField(label="Tháng", required=True)
            if not self.instance.month and not self.is_bound:
                self.initial["month"] = calendar.first_of_month(calendar.local_today())

    def clean(self):
        cleaned = super().clean()
        kind = self.period_kind
        if kind is None:
            return cleaned
        period = _period_of(kind, cleaned)
        title = (cleaned.get("title") or "").strip()
        stored = _period_of(
            kind, {f: getattr(self.instance, f, None) for f in self._period_names()}
        )
        follows = not title or (stored is not None and title == kind.title(stored))
        if period is not None and follows:
            title = kind.title(period)
            cleaned["title"] = title
        if not title:
            self.add_error("title", _("Hãy nhập tiêu đề hoặc chọn kỳ để tự đặt tiêu đề."))
            return cleaned
        never_live = not self.instance.first_published_at
        if not cleaned.get("slug") or (follows and never_live and title != self.instance.title):
            cleaned["slug"] = free_slug(self, ascii_slug(title) or "trang")
        return cleaned

    def _period_names(self):
        return ("week_start", "month", "school_year_start", "semester")


class TableImportPageForm(PeriodPageForm):
    import_file = forms.FileField(
        label=gettext_lazy("Tải lên tệp Word hoặc Excel"),
        required=False,
        help_text=gettext_lazy(
            "Tệp .docx hoặc .xlsx có bảng nhà trường đã soạn: các dòng của bảng được điền vào "
            "trang và tệp được đính kèm để tải về."
        ),
    )
    import_text = forms.CharField(
        label=gettext_lazy("Hoặc dán bảng đã sao chép từ Word/Excel"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Chọn cả bảng (kể cả dòng tiêu đề), sao chép rồi dán vào đây."),
    )

    def clean(self):
        cleaned = super().clean()
        self.table_upload = None
        self.table_read: TableRead | None = None
        upload, text = cleaned.get("import_file"), cleaned.get("import_text") or ""
        if not upload and not text.strip():
            return cleaned
        kind_code, field_name, block_name = self.instance.table_import
        source_field = "import_file" if upload else "import_text"
        try:
            if upload:
                data = upload.read()
                grids = grids_read(data=data, filename=upload.name)
            else:
                grids = grids_from_paste(text)
                if not grids:
                    raise TableFileError(_("Phần dán vào không có dòng nào."))
            stream_block = self.instance._meta.get_field(field_name).stream_block
            if kind_code == TIMETABLE:
                table = timetable_table(grids)
                value = {"data": table, "first_row_is_table_header": True}
                value["first_col_is_header"] = True
                read = TableRead(rows=[value])
            else:
                read = table_rows_read(
                    kind=TABLE_KINDS[kind_code], grids=grids, week_start=cleaned.get("week_start")
                )
        except TableFileError as error:
            self.add_error(source_field, str(error))
            return cleaned
        if not read.rows:
            self.add_error(
                source_field,
                _(
                    "Không đọc được dòng nào của bảng: hãy kiểm tra dòng tiêu đề (Thứ, Nội dung…) "
                    "và các dòng bên dưới."
                ),
            )
            return cleaned
        cleaned[field_name] = stream_block.to_python(
            [{"type": block_name, "value": row} for row in read.rows]
        )
        self.table_read = read
        if upload:
            self.table_upload = (upload.name, data)
        return cleaned

    def save(self, commit=True):
        page = super().save(commit=False)
        read = getattr(self, "table_read", None)
        if read is not None:
            name = None
            if self.table_upload:
                name, data = self.table_upload
                _attach(page, name=name, data=data, user=self.for_user)
            if read.problems:
                _problems_to_notes(page, read)
            page._table_import_report = (len(read.rows), read.problems, name)
        if commit:
            page.save()
        return page


def _attach(page, *, name: str, data: bytes, user) -> None:
    """The uploaded file as a Wagtail document, first among the page's attachments."""
    document = get_document_model()(title=name, uploaded_by_user=user)
    document.file.save(name, ContentFile(data), save=False)
    document.save()
    attachment = page.attachments.stream_block.child_blocks["file"].to_python(
        {"document": document.pk, "label": ""}
    )
    page.attachments.insert(0, ("file", attachment))


def _problems_to_notes(page, read: TableRead) -> None:
    """Lines not read go into the notes (or the body) under a heading asking for correction."""
    field = "notes" if hasattr(page, "notes") else "body"
    items = "".join(f"<li>{html.escape(str(problem))}</li>" for problem in read.problems)
    heading = html.escape(
        _("Các dòng chưa đọc được từ bảng — hãy sửa vào bảng ở trên rồi xóa phần này:")
    )
    setattr(page, field, f"{getattr(page, field) or ''}<p><b>{heading}</b></p><ul>{items}</ul>")


def table_import_report(page) -> str | None:
    """The message for the editor after a save that imported a table, or None."""
    report = getattr(page, "_table_import_report", None)
    if report is None:
        return None
    count, problems, name = report
    message = _("Đã điền %(count)d dòng từ bảng") % {"count": count}
    if name:
        message += _(" (tệp “%(name)s” đã được đính kèm)") % {"name": name}
    message += "."
    if problems:
        message += " " + _(
            "%(count)d dòng chưa đọc được, đã ghi vào phần Ghi chú để sửa: %(lines)s."
        ) % {"count": len(problems), "lines": "; ".join(str(problem) for problem in problems)}
    return message


class MultipleImageInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one file input; cleans to a list."""

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data if item]
        return [super().clean(data, initial)] if data else []


class PhotoUploadPageForm(WagtailAdminPageForm):
    """A page with any number of photos chosen at once (one file dialog), each stored as a
    Wagtail image with the alt text the editor gives once for all of them.

    Subclasses name the two form fields (`upload_field`, `alt_field`) and say where the new
    images go (`photos_attach`). Each file passes the same checks as the image library's
    upload (format, size limit with a Vietnamese message, decoding: `DecodedImageField`).
    """

    upload_field = "photos"
    alt_field = "photos_alt"

    def add_error(self, field, error):
        """Leave out the model's errors (`NewsPage.clean`, added as one dict) on a field that
        already has its own: a received time typed as a day that does not exist (31/02/2026)
        reached the model as no time at all, and "an urgent notice must record when it was
        received" under "31/02/2026 is not a real date" would contradict what was typed."""
        if field is None and isinstance(error, ValidationError) and hasattr(error, "error_dict"):
            error = ValidationError(
                {
                    name: errors
                    for name, errors in error.error_dict.items()
                    if name not in self._errors
                }
            )
        super().add_error(field, error)

    def clean(self):
        from sitepages.forms import DecodedImageField

        cleaned = super().clean()
        checker = DecodedImageField(required=False)
        uploads = []
        for upload in cleaned.get(self.upload_field) or []:
            try:
                uploads.append(checker.clean(upload))
            except ValidationError as error:
                self.add_error(self.upload_field, error)
        cleaned[self.upload_field] = uploads
        if uploads and not (cleaned.get(self.alt_field) or "").strip():
            self.add_error(self.alt_field, _("Hãy nhập mô tả ảnh (văn bản thay thế)."))
        return cleaned

    def photos_attach(self, page, images) -> None:
        raise NotImplementedError

    def save(self, commit=True):
        from wagtail.images import get_image_model

        page = super().save(commit=False)
        uploads = self.cleaned_data.get(self.upload_field) or []
        alt = (self.cleaned_data.get(self.alt_field) or "").strip()
        images = []
        for number, upload in enumerate(uploads, start=1):
            label = alt if len(uploads) == 1 else f"{alt} ({number}/{len(uploads)})"
            image = get_image_model()(
                title=label[:255], description=label, uploaded_by_user=self.for_user
            )
            image.file = upload
            image.save()
            images.append(image)
        if images:
            self.photos_attach(page, images)
        if commit:
            page.save()
        return page


def _photo_fields(label, alt_label):
    return (
        MultipleFileField(
            label=label,
            required=False,
            widget=MultipleImageInput(attrs={"accept": "image/*", "multiple": True}),
        ),
        forms.CharField(
            label=alt_label,
            required=False,
            max_length=200,
            help_text=gettext_lazy(
                "Bắt buộc khi tải ảnh: mô tả ngắn nội dung ảnh, ví dụ “Học sinh lớp 6A trồng cây”."
            ),
        ),
    )


class NewsPageForm(PhotoUploadPageForm):
    """A news item; uploaded photos join its gallery, the first one its image if it has none."""

    photos, photos_alt = _photo_fields(
        gettext_lazy("Ảnh của tin (chọn một hoặc nhiều ảnh cùng lúc)"),
        gettext_lazy("Mô tả các ảnh (văn bản thay thế)"),
    )

    def photos_attach(self, page, images) -> None:
        if page.image is None:
            page.image = images[0]
        for image in images:
            page.gallery.append(("photo", image))


class AlbumPageForm(PhotoUploadPageForm):
    """An album; uploaded photos are added after its photos, in the order chosen, each with
    an empty caption the editor can fill in."""

    upload_field, alt_field = "uploads", "uploads_alt"
    uploads, uploads_alt = _photo_fields(
        gettext_lazy("Thêm ảnh (chọn một hoặc nhiều ảnh cùng lúc)"),
        gettext_lazy("Mô tả các ảnh (văn bản thay thế)"),
    )

    def photos_attach(self, page, images) -> None:
        for image in images:
            page.photos.append(("photo", {"image": image, "caption": ""}))


class OfficialDocumentPageForm(WagtailAdminPageForm):
    """The page title is the document's number and summary unless the editor writes another;
    the signed file is chosen from the library or uploaded right here (one file dialog)."""

    file_upload = forms.FileField(
        label=gettext_lazy("Hoặc tải tệp văn bản lên"),
        required=False,
        help_text=gettext_lazy("Tệp PDF hoặc Word của văn bản đã ký; không cần chọn ở trên."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("title", "slug", "file"):
            if name in self.fields:
                self.fields[name].required = False

    def clean_file_upload(self):
        from wagtail.documents.forms import get_document_form

        upload = self.cleaned_data.get("file_upload")
        if not upload:
            return None
        # Wagtail's own document form checks the extension and size (WAGTAILDOCS_*).
        form_class = get_document_form(get_document_model())
        check = form_class({"title": upload.name}, {"file": upload}, user=self.for_user)
        if not check.is_valid() and "file" in check.errors:
            raise ValidationError(check.errors["file"])
        return upload

    def save(self, commit=True):
        page = super().save(commit=False)
        upload = self.cleaned_data.get("file_upload")
        if upload:
            document = get_document_model()(
                title=page.title[:255] or upload.name, uploaded_by_user=self.for_user
            )
            document.file = upload
            document.save()
            page.file = document
        if commit:
            page.save()
        return page
        if "title" in self.fields:
            self.fields[
                "title"
            ].help_text = "Để trống thì tự đặt từ số, ký hiệu và trích yếu; có thể sửa."

    @staticmethod
    def auto_title(number: str, summary: str) -> str:
        """`123/QĐ-THCS – Về việc thành lập…` (at most 255 characters)."""
        title = " – ".join(part.strip() for part in (number, summary) if part and part.strip())
        return title if len(title) <= 255 else title[:254] + "…"

    def clean(self):
        cleaned = super().clean()
        title = (cleaned.get("title") or "").strip()
        stored = self.auto_title(self.instance.number or "", self.instance.summary or "")
        if not title or (self.instance.pk and title == stored):
            title = self.auto_title(cleaned.get("number") or "", cleaned.get("summary") or "")
            cleaned["title"] = title
        if (
            not cleaned.get("file")
            and not cleaned.get("file_upload")
            and not self.has_error("file_upload")
        ):
            self.add_error("file", _("Hãy chọn tệp văn bản trong thư viện hoặc tải tệp lên."))
        if not title:
            self.add_error("title", _("Hãy nhập tiêu đề hoặc số, ký hiệu và trích yếu."))
            return cleaned
        if not cleaned.get("slug"):
            cleaned["slug"] = free_slug(self, ascii_slug(title)[:80].rstrip("-") or "van-ban")
        return cleaned
