"""A confirmed school import runs in chunks, one Celery task each (portal/services/imports.py)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0003_rules_calendar_messages"),
    ]

    operations = [
        migrations.CreateModel(
            name="SchoolImportChunk",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("index", models.PositiveIntegerField()),
                ("rows", models.JSONField(default=list)),
                ("state", models.CharField(choices=[("queued", "Đang chờ"), ("running", "Đang tạo"), ("done", "Xong")], default="queued", max_length=16)),
                ("claimed_at", models.DateTimeField(blank=True, null=True)),
                ("job", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="chunks", to="portal.schoolimportjob")),
            ],
            options={"ordering": ["job", "index"]},
        ),
        migrations.AddConstraint(
            model_name="schoolimportchunk",
            constraint=models.UniqueConstraint(fields=("job", "index"), name="one_chunk_per_index"),
        ),
    ]
