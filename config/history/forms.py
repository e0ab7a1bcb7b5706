"""The admin form of every tracked entry (and of its inlines): refuses stale saves, shows and confirms stale translations."""

from django import forms
from django.utils.translation import gettext_lazy as _

from . import conflicts, recording, translations

# Fields of the form that say how to save, not what: they alone never make a form "changed".
BOOKKEEPING = {"seen_version", "correction_only"}


class TrackedEntryForm(forms.ModelForm):
    """Remembers which version the person opened; a save based on an older one is refused with who changed what."""

    seen_version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1, label=_("Version you opened"))
    correction_only = forms.BooleanField(
        label=_("Only a correction of a mistake"), required=False,
        help_text=_("Tick when you only fix a spelling or a wrong digit: the translations stay marked as current."),
    )
    confirm_translations = forms.MultipleChoiceField(
        label=_("Translations still correct"), required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "These translations were written for an earlier English text; readers of these languages see the "
            "English until a translator updates them. Tick those that are still right for the new English."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["seen_version"].initial = self.instance.version
        choices = translations.outdated(self.instance) if self.instance.pk else []
        self.fields["confirm_translations"].choices = choices
        if not choices:
            self.fields["confirm_translations"].widget = forms.MultipleHiddenInput()

    def has_changed(self):
        return any(name not in BOOKKEEPING for name in self.changed_data)

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk and self.has_changed():
            seen_version = cleaned_data.get("seen_version")
            if seen_version is None:
                raise forms.ValidationError(
                    _("The form is incomplete or out of date. Reload the page and try again."), code="incomplete"
                )
            conflicts.check_unchanged(self.instance, seen_version)
        return cleaned_data

    def save(self, commit=True):
        if self.cleaned_data.get("correction_only"):
            recording.mark_as_correction(self.instance)
        translations.confirm(self.instance, self.cleaned_data.get("confirm_translations") or [])
        return super().save(commit=commit)
