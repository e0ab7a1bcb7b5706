"""The staff roles (groups) and what each may do; see guidance/roles.py and docs/staff-guide.md."""

from django.db import migrations

DIRECTORY = [
    f"{app}.{action}_{model}"
    for app, models in (("offices", ("city", "formercityname", "office")), ("partners", ("service", "partner", "branch")))
    for model in models
    for action in ("view", "add", "change")
]
# Directory changes are recorded automatically; staff may annotate or hide a mere correction.
DIRECTORY += ["offices.view_directorychange", "offices.change_directorychange"]
READ_GUIDANCE = ["guidance.view_guidancepage", "guidance.view_revision"]
EDITOR = [
    *READ_GUIDANCE,
    "guidance.change_revision",
    "guidance.view_keyfigure", "guidance.add_keyfigure", "guidance.change_keyfigure",
    "guidance.view_feedbackvote",  # what readers said about the pages
    *DIRECTORY,
]
ROLES = {
    # writes drafts in any language; keeps the directory of offices and partners right
    "editor": EDITOR,
    # edits only the translated fields of drafts
    "translator": [*READ_GUIDANCE, "guidance.translate_revision"],
    # everything an editor does, plus review, publish, reject, restore; adds guidance pages
    "publisher": [*EDITOR, "guidance.publish_revision", "guidance.add_guidancepage", "guidance.change_guidancepage"],
}


def create_roles(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations ran; the groups need them now.
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


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("guidance", "0004_publishing_workflow"),
        ("offices", "0002_directory_changes"),
        ("partners", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
