"""The report form: what is wrong (one tap), and an optional note, sanitised to a short line of plain text."""

import re
import unicodedata

from django import forms
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from .models import NOTE_MAX_LENGTH, Report

# Bidirectional controls can make a note read differently from what it holds (e.g. reverse a phone
# number); the joiners Persian and Uyghur need (U+200C, U+200D) stay.
BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def sanitise_note(text):
    """Plain text: no markup, no bidi or other control characters, single spaces, at most NOTE_MAX_LENGTH."""
    text = BIDI_CONTROLS.sub("", strip_tags(text or ""))
    text = "".join(" " if unicodedata.category(char) in ("Cc", "Zl", "Zp") else char for char in text)
    return " ".join(text.split())[:NOTE_MAX_LENGTH]


class ReportForm(forms.Form):
    problem = forms.ChoiceField(label=_("What is wrong?"), choices=Report.Problem.choices, widget=forms.RadioSelect)
    # No max_length: a longer note is cut, not refused (a browser stops at the maxlength anyway).
    note = forms.CharField(
        label=_("Anything else? (optional)"), required=False, strip=True,
        widget=forms.Textarea(attrs={"maxlength": NOTE_MAX_LENGTH, "rows": 2}),
    )

    def clean_note(self):
        return sanitise_note(self.cleaned_data.get("note"))
