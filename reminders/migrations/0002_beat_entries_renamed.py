"""Celery beat's entries follow the tasks to `reminders` (issue 14): the task names and the
entries' names change, so a database made before the move keeps its schedule without running
`setup_schedules` again (schoolhost/schedules.py)."""

from django.db import migrations

# Beat entries: name before → name after. The tasks kept their function names; only the prefix
# changes from `compliance.` to `reminders.`.
RENAMED = {
    "compliance: reminders": "reminders: reminders",
    "compliance: weekly digest": "reminders: weekly digest",
}
TASKS = ["reminders_dispatch", "reminders_send_school", "digests_send_weekly", "digest_send"]


def rename(apps, schema_editor, *, backwards=False):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    old_prefix, new_prefix = ("reminders", "compliance") if backwards else ("compliance", "reminders")
    for task in TASKS:
        PeriodicTask.objects.filter(task=f"{old_prefix}.{task}").update(task=f"{new_prefix}.{task}")
    for before, after in RENAMED.items():
        old_name, new_name = (after, before) if backwards else (before, after)
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
