"""Hosts in one stored form (lower-case IDNA, no trailing dot) and names in NFC, then a CHECK.

Requests are matched against the stored form (tenants/hosts.py), so a host stored as
`THCS-A.localhost.` could never be reached. Rows written before this migration are brought to
that form; one that cannot be (not a host at all, or two rows becoming the same host) stops the
migration with the rows named, for a person to fix, rather than being changed by guess.
"""

import re
import unicodedata

import idna
from django.db import migrations, models


STORED_HOST = r"^[a-z0-9-]{1,63}(\.[a-z0-9-]{1,63})+$"


def host_stored(value: str) -> str:
    """`value` in stored form, or unchanged when it is not a host (self-contained on purpose:
    a migration must not change when app code does)."""
    host = value.strip().rstrip(".").lower()
    try:
        return idna.encode(host, uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError):
        return value


def normalise(apps, schema_editor):
    Authority = apps.get_model("tenants", "Authority")
    Domain = apps.get_model("tenants", "Domain")
    School = apps.get_model("tenants", "School")
    problems = []
    for model, field in ((Domain, "domain"), (Authority, "portal_domain")):
        rows = list(model.objects.exclude(**{f"{field}__isnull": True}).values_list("pk", field))
        wanted = {pk: host_stored(host) for pk, host in rows}
        seen: dict[str, int] = {}
        for pk, host in rows:
            stored = wanted[pk]
            if stored in seen:
                problems.append(f"{model.__name__} {pk} '{host}' trùng với {seen[stored]} sau khi chuẩn hoá")
            seen[stored] = pk
            if not re.fullmatch(STORED_HOST, stored):
                problems.append(f"{model.__name__} {pk} '{host}' không phải tên miền")
        if problems:
            continue
        for pk, host in rows:
            if wanted[pk] != host:
                model.objects.filter(pk=pk).update(**{field: wanted[pk]})
    if problems:
        raise RuntimeError("Sửa các tên miền sau rồi chạy lại migrate: " + "; ".join(problems))
    for model in (School, Authority):
        for pk, name in model.objects.values_list("pk", "name"):
            if not unicodedata.is_normalized("NFC", name):
                model.objects.filter(pk=pk).update(name=unicodedata.normalize("NFC", name))


class Migration(migrations.Migration):

    dependencies = [
        ('tenants', '0002_template_snapshot'),
    ]

    operations = [
        migrations.RunPython(normalise, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name='authority',
            constraint=models.CheckConstraint(condition=models.Q(('portal_domain__isnull', True), ('portal_domain__regex', '^[a-z0-9-]{1,63}(\\.[a-z0-9-]{1,63})+$'), _connector='OR'), name='authority_portal_domain_stored_form'),
        ),
        migrations.AddConstraint(
            model_name='domain',
            constraint=models.CheckConstraint(condition=models.Q(('domain__regex', '^[a-z0-9-]{1,63}(\\.[a-z0-9-]{1,63})+$')), name='domain_stored_form'),
        ),
    ]
