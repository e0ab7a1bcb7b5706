"""Translating one directory entry into one language, as a translator sees a draft in the segment editor.

Each translated field with English text is one row: the English it was translated from (read from
the field history) beside the English now when it is behind, then the translation. The form is the
entry's admin form (config.history.forms.TrackedEntryForm) cut down to that language's fields, so a
save gets the same version check, field history and quality checks as a save in the entry's admin.
"""

from dataclasses import dataclass

from django import forms
from django.db import models
from modeltranslation.utils import build_localized_fieldname

from config.history import stale_translations
from config.history.forms import TrackedEntryForm
from config.language_tabs import language_attributes

from ..diff import side_by_side
from ..segments.status import SegmentState
from . import directory_exchange


class EntryTranslationForm(TrackedEntryForm):
    """The entry's form with only one language's translated fields, and "still right" only for that language."""

    def __init__(self, *args, language, units, may_save=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.language = language
        self.units = units
        del self.fields["correction_only"]  # a translator never changes the English
        mine = [(value, label) for value, label in self.fields["confirm_translations"].choices
                if value.endswith(f":{language}")]
        self.fields["confirm_translations"].choices = mine
        if not mine:
            self.fields["confirm_translations"].widget = forms.MultipleHiddenInput()
        attributes = language_attributes(language)
        for unit in units:
            field = self.fields[field_name(unit, language)]
            field.widget.attrs.update({**attributes, "class": "segment-text"})
            if isinstance(field.widget, forms.Textarea):
                field.widget.attrs["rows"] = min(8, max(2, len(unit.source) // 40 + 2))
            if not may_save:
                field.disabled = True

    def rows(self):
        """(FieldRow) in the entry's field order, each with its text box and its "still right" box or None."""
        confirm = self["confirm_translations"]
        confirm_boxes = {box.data["value"]: box for box in confirm.subwidgets} if confirm.field.choices else {}
        return [
            FieldRow(unit, self[field_name(unit, self.language)], confirm_boxes.get(f"{unit.sid}:{self.language}"),
                     label=stale_translations.field_label(type(self.instance), unit.sid))
            for unit in self.units
        ]


@dataclass
class FieldRow:
    """One translated field of the entry, as the translator of one language sees it."""

    unit: object  # units.Unit: the English now, the translation, its state, the English it was made from
    text: object  # the bound text box
    confirm: object  # the bound "still right" box, or None
    label: str = ""

    @property
    def state_label(self):
        return SegmentState(self.unit.state).label

    @property
    def english_diff(self):
        """Rows of a word diff between the English translated and the English now ([] when not behind)."""
        if self.unit.previous_source is None or not self.unit.outdated:
            return []
        return side_by_side(self.unit.previous_source, self.unit.source)


def field_name(unit, language):
    return build_localized_fieldname(unit.sid, language)


def entry_form(entry, language, data=None, *, may_save=True):
    """The bound (or unbound) form of the entry's `language` fields; None when it has no English to translate."""
    found = directory_exchange.entry_units(entry, language)
    if found is None:
        return None
    names = [field_name(unit, language) for unit in found.units]
    form_class = forms.modelform_factory(
        type(entry), form=EntryTranslationForm, fields=names,
        formfield_callback=_long_texts_as_text_areas,
    )
    return form_class(data, instance=entry, language=language, units=found.units, may_save=may_save)


def _long_texts_as_text_areas(field, **kwargs):
    if isinstance(field, models.TextField):
        kwargs.setdefault("widget", forms.Textarea)
    elif isinstance(field, models.CharField):
        kwargs.setdefault("widget", forms.TextInput(attrs={"size": 60}))
    return field.formfield(**kwargs)
