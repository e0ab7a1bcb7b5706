"""Editors and publishers record checks of directory entries (verification rounds) and correct them;
nobody deletes one: a check is history (see 0005 and config/sources/rounds.py)."""

from django.db import migrations

RECORD_CHECKS = ["sources.view_check", "sources.add_check", "sources.change_check"]
ROLES = {"editor": RECORD_CHECKS, "publisher": RECORD_CHECKS}


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
    checks = Permission.objects.filter(content_type__app_label="sources", codename__endswith="_check")
    for group in apps.get_model("auth", "Group").objects.filter(name__in=ROLES):
        group.permissions.remove(*checks)


class Migration(migrations.Migration):
    dependencies = [("guidance", "0015_key_figure_due_dates"), ("sources", "0004_checks_from_verified_on_and_due_dates")]

    operations = [migrations.RunPython(grant, revoke)]
