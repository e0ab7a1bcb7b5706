"""Editors and publishers keep the list of source documents; translators translate it (see 0005)."""

from django.db import migrations

EDIT_SOURCES = ["guidance.view_source", "guidance.add_source", "guidance.change_source"]
ROLES = {"editor": EDIT_SOURCES, "publisher": EDIT_SOURCES, "translator": ["guidance.view_source"]}


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # As in 0005: permissions are normally created after all migrations ran; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, labels in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        for label in labels:
            app_label, codename = label.split(".")
            group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name__in=ROLES):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="guidance", codename__endswith="_source"))


class Migration(migrations.Migration):
    dependencies = [("guidance", "0007_revision_sources")]

    operations = [migrations.RunPython(grant, revoke)]
