"""Forms of the translator's tools: a draft's segments in one language, and a translated file to import."""

import base64
import binascii

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
    """A PO or XLIFF file brought back from a translator or an agency; or, to save despite the quality
    problems shown, the same file again (kept in the page, so nobody has to choose it a second time)."""

    file = forms.FileField(label=_("Translated file (PO or XLIFF 2.0)"), required=False)
    content = forms.CharField(widget=forms.HiddenInput, required=False)
    save_despite_problems = forms.BooleanField(
        label=_("Save despite the quality problems"), required=False,
        help_text=_("Only if you are sure the translations are right as they are (a “3rd floor” written as a word)."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload and upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("This file is too large to be a translation of guidance pages."))
        return upload

    def clean(self):
        cleaned_data = super().clean()
        if not cleaned_data.get("file") and not cleaned_data.get("content") and "file" not in self.errors:
            self.add_error("file", forms.ValidationError(self.fields["file"].error_messages["required"], code="required"))
        return cleaned_data

    def data_bytes(self):
        if self.cleaned_data.get("file"):
            return self.cleaned_data["file"].read()
        try:
            return base64.b64decode(self.cleaned_data["content"], validate=True)[:MAX_IMPORT_BYTES]
        except (binascii.Error, ValueError):
            return b""

    @staticmethod
    def kept(data):
        return base64.b64encode(data).decode("ascii")
