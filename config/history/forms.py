"""The admin form of every tracked entry (and of its inlines): refuses stale saves, shows and confirms stale translations."""

from django import forms
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from . import conflicts, recording, stale_translations

# Fields of the form that say how to save, not what: they alone never make a form "changed".
BOOKKEEPING = {"seen_version", "correction_only", "save_despite_problems"}


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

    save_despite_problems = forms.BooleanField(
        label=_("Save despite the quality problems"), required=False, widget=forms.HiddenInput,
        help_text=_("Tick only when you have checked that each translation marked above is right."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["seen_version"].initial = self.instance.version
        choices = stale_translations.outdated(self.instance) if self.instance.pk else []
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
            self.refuse_conflict(seen_version)
        return cleaned_data

    def refuse_conflict(self, seen_version):
        """Refuse the save when the entry changed after `seen_version` (a kind of entry may answer its own way)."""
        conflicts.check_unchanged(self.instance, seen_version)

    def _post_clean(self):
        super()._post_clean()  # the instance now holds what the person typed
        if self.errors or self.cleaned_data.get("save_despite_problems"):
            return
        found = False
        for language, fields in self.translations_to_check().items():
            for problem in stale_translations.blocking_problems(self.instance, fields, language):
                name = build_localized_fieldname(problem.sid, language)
                self.add_error(name if name in self.fields else None, problem.message)
                found = True
        if found:  # offer the way out only to someone who has seen the problems
            self.fields["save_despite_problems"].widget = forms.CheckboxInput()

    def translations_to_check(self):
        """{language: [field]} of the translations this save writes or confirms."""
        wanted = {}
        for field in stale_translations.translated_fields(type(self.instance)):
            for language in stale_translations.OTHER_LANGUAGES:
                if build_localized_fieldname(field, language) in self.changed_data:
                    wanted.setdefault(language, []).append(field)
        for choice in self.cleaned_data.get("confirm_translations") or []:
            field, _sep, language = choice.partition(":")
            if field in stale_translations.translated_fields(type(self.instance)):
                wanted.setdefault(language, []).append(field)
        return wanted

    def save(self, commit=True):
        if self.cleaned_data.get("correction_only"):
            recording.mark_as_correction(self.instance)
        stale_translations.confirm(self.instance, self.cleaned_data.get("confirm_translations") or [])
        return super().save(commit=commit)
