"""Give every service a permanent id for the open data export, one distinct uuid per existing row.

The three steps Django documents for adding a unique field to a table that has rows:
add it nullable, fill each row, then make it unique.
"""

import uuid

from django.db import migrations, models


def give_each_service_an_id(apps, schema_editor):
    Service = apps.get_model("partners", "Service")
    for service in Service.objects.filter(uuid__isnull=True):
        service.uuid = uuid.uuid4()
        service.save(update_fields=["uuid"])


class Migration(migrations.Migration):

    dependencies = [
        ("partners", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="service",
            name="uuid",
            field=models.UUIDField(editable=False, null=True, verbose_name="permanent id"),
        ),
        migrations.RunPython(give_each_service_an_id, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="service",
            name="uuid",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True, verbose_name="permanent id"),
        ),
    ]
