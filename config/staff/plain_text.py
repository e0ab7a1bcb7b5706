"""Staff text saved without invisible direction controls: a U+202E (right-to-left override) typed or
pasted into a phone number or an address would show it reversed to every reader.

One `pre_save` receiver for every model of the project's own apps, so the admin, the translators'
editor and the import of exchange files all save the same clean text. The controls are removed, not
refused: they are invisible, and a person who pasted them from a document could not find them to fix.
"""

import re

from django.db import models
from django.db.models.signals import pre_save

# Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) reorder everything after them
# up to the end of the paragraph; the deprecated format characters (U+206A–U+206F), zero-width
# space, word joiner, invisible operators (U+200B, U+2060–U+2064) and a byte-order mark only hide
# things. The joiners Persian and Uyghur need inside words (U+200C, U+200D) are not among them.
HIDDEN_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u206a-\u206f\u200b\u2060-\u2064\ufeff]")
# The direction marks (LRM, RLM, ALM) place a full stop or a bracket in Arabic or Dari prose; in a
# one-line field (a phone number, a name, an address) they only turn its parts around.
DIRECTION_MARKS = re.compile("[\u200e\u200f\u061c]")
PROJECT_APPS = ("config.", "guidance", "offices", "partners")


def plain(text, one_line=False):
    """`text` without the hidden controls (and, for a one-line field, without direction marks)."""
    text = HIDDEN_CONTROLS.sub("", text)
    return DIRECTION_MARKS.sub("", text) if one_line else text


def strip_hidden_controls(sender, instance, raw=False, **kwargs):
    if not sender.__module__.startswith(PROJECT_APPS):
        return
    for field in sender._meta.concrete_fields:
        if isinstance(field, models.CharField | models.TextField):
            value = getattr(instance, field.attname)
            if isinstance(value, str):
                cleaned = plain(value, one_line=not isinstance(field, models.TextField))
                if cleaned != value:
                    setattr(instance, field.attname, cleaned)


def connect():
    pre_save.connect(strip_hidden_controls, dispatch_uid="staff.strip_hidden_controls")
