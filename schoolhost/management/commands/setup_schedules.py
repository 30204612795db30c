from django.core.management.base import BaseCommand

from schoolhost.schedules import periodic_tasks_ensure


class Command(BaseCommand):
    help = "Write the periodic tasks (schoolhost/schedules.py) to Celery beat's database tables."

    def handle(self, *args, **options):
        for name in periodic_tasks_ensure():
            self.stdout.write(f"scheduled: {name}")
