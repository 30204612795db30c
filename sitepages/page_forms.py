"""Admin forms of the school's page types (Wagtail's `base_form_class`).

`TableImportPageForm` — "bring the file you already have": the work schedule, the lesson
register, the menu and the timetable take an uploaded Word/Excel file, or a table pasted from
either, and turn its table into the page's rows (sitepages/tables/). The uploaded file becomes
a Wagtail document attached to the page for download; lines that cannot be read are added to
the page's notes under a heading asking for correction, and the editor is told which (see
`table_import_report`), so nothing the school typed is lost.

A page declares what it imports as `table_import = (table kind, StreamField name, block name)`.
"""

import html

from django import forms
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.documents import get_document_model

from sitepages.tables.columns import KINDS as TABLE_KINDS
from sitepages.tables.columns import TableRead, table_rows_read, timetable_table
from sitepages.tables.reading import TableFileError, grids_from_paste, grids_read

TIMETABLE = "timetable"


class TableImportPageForm(WagtailAdminPageForm):
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
