"""Spreadsheet import and export of tracked entries (django-import-export), through the same rules as the admin form.

Each exported row carries the entry's `version`; an imported row based on an older version is
refused, row by row in the preview, with who changed what since. A row is saved with the entry's
own save(), so the field history, the translation flags and the directory changes follow as
for a save in the form; a row that changes nothing is skipped.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext
from import_export import fields, resources
from import_export.formats.base_formats import CSV, XLSX
from import_export.widgets import ForeignKeyWidget, ManyToManyWidget
from modeltranslation.utils import build_localized_fieldname

from . import conflicts, stale_translations
from .import_preview import ChangedColumns

FORMATS = [CSV, XLSX]


def each_language(*names):
    """The column of every language of these translated fields: name_en, name_ru, …"""
    return [build_localized_fieldname(name, code) for name in names for code, _label in settings.LANGUAGES]


def unknown(model, values):
    """The row error for slugs no entry has, naming them and the ones there are (import-export makes a
    ValueError of a cell a row error of its column in the preview, where an unknown entry stopped the file)."""
    known = ", ".join(model._base_manager.order_by("slug").values_list("slug", flat=True))
    return ValueError(gettext("“%(value)s” is not in the admin; write one of: %(known)s.") % {
        "value": ", ".join(values), "known": known,
    })


class SlugWidget(ForeignKeyWidget):
    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value, row, **kwargs)
        except self.model.DoesNotExist:
            raise unknown(self.model, [str(value).strip()]) from None


class SlugsWidget(ManyToManyWidget):
    def clean(self, value, row=None, **kwargs):
        found = super().clean(value, row, **kwargs)
        wanted = [slug.strip() for slug in str(value or "").split(self.separator) if slug.strip()]
        missing = sorted(set(wanted) - {getattr(entry, self.field) for entry in found})
        if missing:
            raise unknown(self.model, missing)
        return found


def by_slug(column, model, **kwargs):
    """A column naming a related entry by its permanent slug (a city, a partner)."""
    return fields.Field(attribute=column, column_name=column, widget=SlugWidget(model, field="slug"), **kwargs)


def slugs(column, model):
    """A column listing related entries by slug, separated by "|" (the services of a partner)."""
    return fields.Field(attribute=column, column_name=column, widget=SlugsWidget(model, field="slug", separator="|"))


class TrackedResource(resources.ModelResource):
    """Rows of tracked entries; the `version` column is what the spreadsheet was exported from."""

    version = fields.Field(attribute="version", column_name="version", readonly=True)

    class Meta:
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True  # the model's own validation: permanent slugs, phones, e-mails

    def get_diff_class(self):
        return ChangedColumns

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        for field in self.get_import_fields():  # import-export reads many-to-many cells only after the save
            if isinstance(field.widget, ManyToManyWidget) and field.column_name in row:
                try:
                    field.clean(row)
                except ValueError as error:
                    errors[field.attribute] = [str(error)]
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors.update(error.message_dict)
        if errors:
            raise ValidationError(errors)
        for field in instance._meta.concrete_fields:
            # An empty cell is no text; a translation never written is stored as NULL: not a change.
            if field.null and isinstance(field, (models.CharField, models.TextField)) and field.value_from_object(instance) == "":
                setattr(instance, field.attname, None)
        check_translations(instance)
        seen = str(row.get("version") or "").strip()
        if instance.pk is None or not seen:
            return
        if not seen.isdigit():
            raise ValidationError({"version": gettext("Enter a whole number.")})
        try:
            conflicts.check_unchanged(instance, int(seen))
        except conflicts.EditConflict as conflict:
            raise ValidationError({"version": strip_tags(" ".join(conflict.messages))}) from conflict


def check_translations(instance):
    """A row's new translations get the quality checks of the admin form; a failing one refuses the row."""
    stored = type(instance)._base_manager.filter(pk=instance.pk).first() if instance.pk else None
    errors = {}
    for code in stale_translations.OTHER_LANGUAGES:
        fields = [
            name for name in stale_translations.translated_fields(type(instance))
            if (value := getattr(instance, build_localized_fieldname(name, code)) or "")
            and (stored is None or value != (getattr(stored, build_localized_fieldname(name, code)) or ""))
        ]
        for problem in stale_translations.blocking_problems(instance, fields, code):
            errors.setdefault(build_localized_fieldname(problem.sid, code), []).append(problem.message)
    if errors:
        raise ValidationError(errors)
