"""One clear set of roles in every school: Wagtail's stock "Editors" and "Moderators" go.

Wagtail's initial data migrations create two English groups with broad rights on the whole
tree; a school's roles are "Biên tập viên" and "Hiệu trưởng" (sitepages/roles.py). Members of
a stock group move to the matching school role when it exists ("Moderators" publish, like the
principal; "Editors" draft, like an editor); then the stock groups and their page and
collection permissions are deleted. Runs in every school schema and in the template, so new
schools never have them.
"""

from django.db import migrations

# Stock group → the school role its members get (names as in sitepages/roles.py, frozen here
# because a migration must not change when the code does).
STOCK_TO_ROLE = {"Moderators": "Hiệu trưởng", "Editors": "Biên tập viên"}


def stock_groups_remove(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for stock_name, role_name in STOCK_TO_ROLE.items():
        stock = Group.objects.filter(name=stock_name).first()
        if stock is None:
            continue
        role = Group.objects.filter(name=role_name).first()
        members = list(stock.user_set.all())
        if members and role is None:
            # No school role yet to move them to: keep the group under the role's name, so
            # nobody loses access; roles_ensure completes its permissions.
            stock.name = role_name
            stock.save(update_fields=["name"])
            continue
        if role is not None:
            role.user_set.add(*members)
        stock.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("sitepages", "0002_rename_revision_sequence"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(stock_groups_remove, migrations.RunPython.noop)]
