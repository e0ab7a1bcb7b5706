"""The "partner" role: a partner organisation's account proposes changes to its own entry and nothing else.
Editors and publishers review the proposals and link accounts to partners (see guidance/roles.py and
docs/staff-guide.md#partner-accounts)."""

from django.db import migrations

PROPOSALS = ["partners.view_changeproposal", "partners.add_changeproposal", "partners.change_changeproposal"]
REVIEW = [
    "partners.view_changeproposal", "partners.review_changeproposal",
    "partners.view_partneraccount", "partners.add_partneraccount", "partners.change_partneraccount",
    "partners.delete_partneraccount",
]
ROLES = {"partner": PROPOSALS, "editor": REVIEW, "publisher": REVIEW}


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # As in guidance's 0005: permissions are normally created after all migrations ran; the groups need them now.
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
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name="partner").delete()
    Permission = apps.get_model("auth", "Permission")
    granted = Permission.objects.filter(content_type__app_label="partners", codename__in=[label.split(".")[1] for label in REVIEW])
    for group in Group.objects.filter(name__in=["editor", "publisher"]):
        group.permissions.remove(*granted)


class Migration(migrations.Migration):
    dependencies = [("partners", "0011_partner_proposals"), ("guidance", "0016_check_permissions")]

    operations = [migrations.RunPython(grant, revoke)]
