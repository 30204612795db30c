import sys

from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tenants.command_base import SchoolhostCommand
from tenants.services.school_migrations import Progress, schools_migrate


def _clock(seconds: float | None) -> str:
    if seconds is None:
        return "--:--"
    minutes, seconds = divmod(int(seconds), 60)
    return f"{minutes:02d}:{seconds:02d}"


class Command(SchoolhostCommand):
    help = gettext_lazy(
        "Áp dụng migration cho mọi trường, song song (--workers tiến trình), mỗi trường trong một giao dịch. Chạy lại sau khi bị dừng sẽ làm tiếp các trường còn lại; trường lỗi được báo kèm lỗi, các trường khác vẫn chạy. Sau đó dựng lại schema mẫu và kho schema."
    )

    def add_arguments(self, parser):
        parser.add_argument("--workers", type=int, default=2, help=_("số tiến trình (mặc định 2)"))
        parser.add_argument(
            "--schema", action="append", dest="schemas", help=_("chỉ các schema này (lặp lại được)")
        )
        parser.add_argument(
            "--target",
            nargs=2,
            metavar=("APP", "MIGRATION"),
            help=_('đưa ứng dụng APP tới MIGRATION ("zero": gỡ hết migration của APP)'),
        )
        parser.add_argument(
            "--no-pool-refill", action="store_true", help=_("không làm đầy lại kho schema sau đó")
        )

    def handle(self, *args, workers, schemas, target, no_pool_refill, **options):
        if workers < 1:
            raise CommandError(_("--workers phải là số nguyên dương."), returncode=2)
        targets = None
        if target:
            app, name = target
            targets = [(app, None if name == "zero" else name)]
        interactive = sys.stdout.isatty()

        def progress(step: Progress) -> None:
            bar = "#" * int(30 * step.done / step.total)
            line = _(
                "[%(bar)-30s] %(done)d/%(total)d trường, %(failed)d lỗi, "
                "%(rate).1f trường/giây, còn khoảng %(eta)s"
            ) % {
                "bar": bar,
                "done": step.done,
                "total": step.total,
                "failed": step.failed,
                "rate": step.rate,
                "eta": _clock(step.eta),
            }
            if interactive:
                self.stdout.write("\r" + line, ending="")
            else:
                self.stdout.write(line)
            self.stdout.flush()

        run = schools_migrate(
            workers=workers,
            schemas=schemas,
            targets=targets,
            progress=progress,
            refill_pool=not no_pool_refill,
        )
        if interactive and run.total:
            self.stdout.write("")
        if run.template_migrated:
            self.stdout.write(_("Đã cập nhật schema mẫu."))
        self.stdout.write(
            _(
                "%(migrated)d trường đã áp dụng migration, %(current)d trường không có gì để "
                "làm, %(failed)d trường lỗi, trong %(seconds).1f giây."
            )
            % {
                "migrated": len(run.migrated),
                "current": run.total - len(run.migrated) - len(run.failed),
                "failed": len(run.failed),
                "seconds": run.seconds,
            }
        )
        if run.pool_refilled:
            self.stdout.write(_("Đã làm đầy lại kho: %(n)d schema.") % {"n": run.pool_refilled})
        for failure in sorted(run.failed, key=lambda result: result.schema_name):
            self.stderr.write(f"{failure.schema_name}: {failure.error}")
        if run.failed:
            raise CommandError(
                _("%(n)d trường chưa được migration; chạy lại lệnh sau khi sửa lỗi.")
                % {"n": len(run.failed)},
                returncode=1,
            )
