"""Celery beat's entries follow the tasks to `reminders` (issue 14): the task names and the
entries' names change, so a database made before the move keeps its schedule without running
`setup_schedules` again (schoolhost/schedules.py)."""

from django.db import migrations

RENAMED = {('compliance: reminders', 'compliance.reminders_dispatch'): ('reminders: reminders', 'reminders.reminders_dispatch'), ('compliance: weekly digest', 'compliance.digests_send_weekly'): ('reminders: weekly digest', 'reminders.digests_send_weekly')}


def rename(apps, schema_editor, *, backwards=False):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    for (old_name, old_task), (new_name, new_task) in RENAMED.items():
        if backwards:
            (old_name, old_task), (new_name, new_task) = (new_name, new_task), (old_name, old_task)
        PeriodicTask.objects.filter(task=old_task).update(task=new_task)
        if PeriodicTask.objects.filter(name=new_name).exists():
            PeriodicTask.objects.filter(name=old_name).delete()
        else:
            PeriodicTask.objects.filter(name=old_name).update(name=new_name)


class Migration(migrations.Migration):
    dependencies = [
        ("reminders", "0001_initial"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [
        migrations.RunPython(rename, lambda apps, editor: rename(apps, editor, backwards=True)),
    ]
