"""Fold the former "information checked on" date into checks: an office or branch marked "Verified today"
before checks said how gets a check of that day ("checked by staff, how was not recorded"), so the public
"checked on" comes only from checks; then every checked entry gets its due date.

The intervals are those of config/sources/rounds.py when this was written, copied here: a migration
never imports live code."""

import datetime

from django.db import migrations

SOONER = {("offices", "office", "asylum"): 30, ("offices", "office", "hotline"): 30}
EVERY = {("guidance", "keyfigure"): 180}
DEFAULT_DAYS = 90
ENTRIES = [("offices", "office"), ("partners", "branch"), ("partners", "partner"), ("guidance", "keyfigure")]
WITH_FORMER_DATES = [("offices", "office"), ("partners", "branch")]


def days(app_label, model_name, entry):
    if entry.check_every_days:
        return entry.check_every_days
    kind = getattr(entry, "kind", None)
    return SOONER.get((app_label, model_name, kind), EVERY.get((app_label, model_name), DEFAULT_DAYS))


def forward(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Check = apps.get_model("sources", "Check")
    for app_label, model_name in ENTRIES:
        model = apps.get_model(app_label, model_name)
        content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model_name)
        for entry in model.objects.all():
            checks = Check.objects.filter(content_type=content_type, object_id=entry.pk)
            former = entry.verified_on if (app_label, model_name) in WITH_FORMER_DATES else None
            if former and not checks.filter(checked_on__gte=former).exists():
                Check.objects.create(content_type=content_type, object_id=entry.pk, method="staff", checked_on=former)
            newest = checks.order_by("-checked_on", "-pk")
            dated = newest.filter(checked_on__isnull=False).first()
            entry.verified_on = dated.checked_on if dated else None
            entry.next_check_due = (
                dated.checked_on + datetime.timedelta(days=days(app_label, model_name, entry)) if dated else None
            )
            model.objects.filter(pk=entry.pk).update(
                verified_on=entry.verified_on, next_check_due=entry.next_check_due,
                last_check=newest.first(), source_check=newest.filter(source__isnull=False).first(),
            )


class Migration(migrations.Migration):
    dependencies = [
        ("sources", "0003_check_recorded_by_staff"),
        ("offices", "0007_office_due_dates"),
        ("partners", "0009_partner_due_dates"),
        ("guidance", "0015_key_figure_due_dates"),
    ]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
