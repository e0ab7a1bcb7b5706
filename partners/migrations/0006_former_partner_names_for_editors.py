"""Editors and publishers keep the former names of partners, as they keep those of cities."""

from django.db import migrations

PERMISSIONS = [f"{action}_formerpartnername" for action in ("view", "add", "change")]


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("partners")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="partners", codename__in=PERMISSIONS)
    for group in Group.objects.filter(name__in=["editor", "publisher"]):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0005_former_partner_names"),
        ("guidance", "0005_staff_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
