"""Forms of the translator's tools: a draft's segments in one language, and a translated file to import."""

from django import forms
from django.utils.translation import gettext_lazy as _

from config.language_tabs import language_attributes

from ..segments.status import OUTDATED

MAX_IMPORT_BYTES = 2 * 1024 * 1024  # a page is a few dozen kilobytes; all pages in nine languages stay far below


class SegmentsForm(forms.Form):
    """One text box per segment shown (and "still right" for those behind the English), and the change note."""

    seen_version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, rows, language, change_note="", read_only=False, **kwargs):
        super().__init__(*args, **kwargs)
        attributes = language_attributes(language)
        self.rows = rows
        for row in rows:
            self.fields[f"text-{row.sid}"] = forms.CharField(
                label=row.kind_label, required=False, initial=row.translation, strip=False,
                widget=forms.Textarea(attrs={**attributes, "rows": row.rows, "class": "segment-text"}),
            )
            if row.state in OUTDATED:
                self.fields[f"confirm-{row.sid}"] = forms.BooleanField(
                    label=_("Still right: the English change needs no change here"), required=False,
                    initial=row.confirmed,
                )
        self.fields["change_note"] = forms.CharField(
            label=_("Change note for readers"), required=False, max_length=500, initial=change_note,
            widget=forms.TextInput(attrs={**attributes, "size": 80}),
        )
        if read_only:  # a language the person does not translate: shown, never sent
            for field in self.fields.values():
                field.disabled = True

    def bound_rows(self):
        """(row, its text box, its "still right" box or None) for the template."""
        return [
            (row, self[f"text-{row.sid}"], self[f"confirm-{row.sid}"] if f"confirm-{row.sid}" in self.fields else None)
            for row in self.rows
        ]

    def texts(self):
        """The segments whose box was sent (a box left out of the request leaves its segment as it is)."""
        return {row.sid: self.cleaned_data[f"text-{row.sid}"] for row in self.rows if f"text-{row.sid}" in self.data}

    def confirmed(self):
        return {row.sid for row in self.rows if self.cleaned_data.get(f"confirm-{row.sid}")}


class ImportForm(forms.Form):
    """A PO or XLIFF file brought back from a translator or an agency."""

    file = forms.FileField(label=_("Translated file (PO or XLIFF 2.0)"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("This file is too large to be a translation of guidance pages."))
        return upload
