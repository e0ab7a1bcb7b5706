"""Admin forms of the directory."""

from django import forms
from django.utils.translation import gettext_lazy as _

from config.history.forms import TrackedEntryForm

from .directory_changes import mark_as_correction


class DirectoryEntryForm(TrackedEntryForm):
    """An office or branch form that lets staff keep a mere correction out of the public Updates."""

    correction_only = forms.BooleanField(
        label=_("Only a correction of a mistake"),
        required=False,
        help_text=_(
            "Tick when you only fix a spelling or a wrong digit: readers are not told about it in Updates, "
            "and the translations stay marked as current. Leave it unticked when an office opens, closes, "
            "moves or gets new phone numbers."
        ),
    )

    def save(self, commit=True):
        mark_as_correction(self.instance, self.cleaned_data.get("correction_only"))
        return super().save(commit=commit)
