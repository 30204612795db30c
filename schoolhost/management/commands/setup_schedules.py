from django.utils.translation import gettext_lazy

from schoolhost.schedules import periodic_tasks_ensure
from tenants.command_base import SchoolhostCommand


class Command(SchoolhostCommand):
    help = gettext_lazy(
        "Ghi các tác vụ định kỳ (schoolhost/schedules.py) vào các bảng của Celery beat."
    )

    def handle(self, *args, **options):
        for name in periodic_tasks_ensure():
            self.stdout.write(f"scheduled: {name}")
