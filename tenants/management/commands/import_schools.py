from pathlib import Path

from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tenants.command_base import SchoolhostCommand
from tenants.selectors import authority_by_code
from tenants.services.bulk_import import (
    ImportFileError,
    RowOutcome,
    schools_import_apply,
    schools_import_parse,
    schools_import_preview,
)
from tenants.services.template import TemplateNotReady

EXIT_ROW_ERRORS = 1  # some rows could not be imported; the others were
EXIT_UNUSABLE_INPUT = 2  # the file or the authority: nothing was imported


class Command(SchoolhostCommand):
    help = gettext_lazy(
        "Tạo các trường từ danh sách của phòng/xã: Excel .xlsx, CSV (UTF-8 có hoặc không BOM, Windows-1258) hoặc Unicode Text (UTF-16). Cột: Tên trường, Cấp học, Tên miền; thêm nếu có: Mã trường, Email hiệu trưởng, Bán trú. Dòng lỗi được báo kèm số dòng, các dòng khác vẫn được tạo; nhập lại cùng danh sách không tạo trùng. Mã thoát: 0 xong, 1 có dòng lỗi, 2 không đọc được tệp hoặc không có cơ quan quản lý."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("tệp danh sách trường (.xlsx, .csv, .txt)"))
        parser.add_argument("--authority", required=True, help=_("mã cơ quan quản lý"))
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=_("chỉ xem trước từng dòng (sẽ tạo / đã có / lỗi), không tạo gì"),
        )

    def _progress(self, done: int, total: int) -> None:
        width = 30
        filled = int(width * done / total) if total else width
        self.stderr.write(f"\r[{'#' * filled}{' ' * (width - filled)}] {done}/{total}", ending="")
        if done == total:
            self.stderr.write("")

    def handle(self, *args, file, authority, dry_run, **options):
        path = Path(file)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(
                _("Không mở được tệp %(file)s (%(reason)s).")
                % {"file": file, "reason": exc.strerror or exc},
                returncode=EXIT_UNUSABLE_INPUT,
            ) from exc
        try:
            parsed = schools_import_parse(data=data, filename=path.name)
        except ImportFileError as exc:
            raise CommandError(str(exc), returncode=EXIT_UNUSABLE_INPUT) from exc
        found = authority_by_code(authority)
        if found is None:
            raise CommandError(
                _("Không có cơ quan quản lý mã '%(code)s'.") % {"code": authority},
                returncode=EXIT_UNUSABLE_INPUT,
            )
        self.stdout.write(
            _("Đọc %(file)s: %(source)s, dòng tiêu đề %(row)d.")
            % {"file": path.name, "source": parsed.source, "row": parsed.header_row}
        )
        preview = schools_import_preview(parsed=parsed, authority=found)
        if dry_run:
            result = preview
        else:
            try:
                result = schools_import_apply(
                    preview=preview, authority=found, progress=self._progress
                )
            except TemplateNotReady as exc:
                raise CommandError(str(exc)) from exc
        for row in result.rows:
            style = self.style.ERROR if row.outcome == RowOutcome.ERROR else str
            self.stdout.write(style(row.message))
        self.stdout.write(result.summary)
        if dry_run:
            self.stdout.write(_("Chưa tạo gì (--dry-run)."))
        errors = result.count(RowOutcome.ERROR)
        if errors:
            raise CommandError(
                _("%(count)d dòng không nhập được (xem ở trên).") % {"count": errors},
                returncode=EXIT_ROW_ERRORS,
            )
