"""The issuing body's line of the monthly list's letterhead becomes a field (defaults by the
authority's kind, reports/letterhead.py). Documents already filled keep what they printed:
the authority's name."""

from django.db import migrations, models


def freeze_filled_letterheads(apps, schema_editor):
    MonthlyReport = apps.get_model("reports", "MonthlyReport")
    for report in MonthlyReport.objects.exclude(doc_number="").select_related("authority"):
        report.issuer = report.authority.name
        report.save(update_fields=["issuer"])


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0003_document_fields"),
    ]

    operations = [
        migrations.AddField(
            model_name="monthlyreport",
            name="issuer",
            field=models.CharField(blank=True, max_length=255, verbose_name="cơ quan ban hành"),
        ),
        migrations.AddField(
            model_name="reportdocumentdefaults",
            name="issuer",
            field=models.CharField(blank=True, max_length=255),
        ),
        migrations.RunPython(freeze_filled_letterheads, migrations.RunPython.noop),
    ]
