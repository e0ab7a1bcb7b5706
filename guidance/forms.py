"""Forms: what readers send ("Was this page useful?" and the reason for a "No"), and the staff
workflow's (editing a draft, reviewing it, restoring an old revision)."""

from django import forms
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import get_language_info, gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from config.language_tabs import language_attributes

from . import publishing, review_actions
from .models import FeedbackVote, Revision, Significance
from .segments.status import TRANSLATED_LANGUAGES

LOCAL_DATETIME_FORMAT = "%Y-%m-%dT%H:%M"
ENGLISH_CHANGE_NOTE = build_localized_fieldname("change_note", publishing.SOURCE_LANGUAGE)


def conflict_message(conflict):
    """The conflict's explanation with a link to the other person's change (safe HTML)."""
    url = reverse("admin:guidance_revision_review", args=[conflict.other.pk])
    return format_html(
        '{} <a href="{}" target="_blank" rel="noopener">{}</a>', " ".join(conflict.messages), url, gettext("See their change.")
    )


class RevisionForm(forms.ModelForm):
    """A draft's text; remembers which version the person started from, to detect edit conflicts."""

    seen_version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    class Meta:
        model = Revision
        fields = "__all__"  # noqa: DJ007 - the admin, not this form, says which fields are edited
        widgets = {"sources": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["seen_version"].initial = self.instance.version

    def clean(self):
        cleaned_data = super().clean()
        for name, value in cleaned_data.items():
            if isinstance(value, str):
                # Browsers send text areas with CRLF line ends; stored text uses LF, so an untouched
                # language stays equal to the published one (diffs, translation status).
                cleaned_data[name] = value.replace("\r\n", "\n")
        seen_version = cleaned_data.get("seen_version")
        if self.instance.pk and seen_version is not None:
            try:
                publishing.check_unchanged(self.instance, seen_version)
            except publishing.EditConflict as conflict:
                raise forms.ValidationError(conflict_message(conflict), code="conflict") from conflict
        return cleaned_data


class ReviewedFields(forms.Form):
    """What the reviewer saw: refused later if the draft or the published page changed since."""

    seen_version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    seen_current = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def clean(self):
        cleaned_data = super().clean()
        if any(name in self.errors for name in ("seen_version", "seen_current", "action")):
            # Hidden fields: their own errors would not show, so say it for the whole form.
            raise forms.ValidationError(_("The form is incomplete or out of date. Reload the page and try again."))
        return cleaned_data

    def reviewed(self):
        return publishing.Reviewed(self.cleaned_data["seen_version"], self.cleaned_data["seen_current"])


class ReviewForm(ReviewedFields):
    """A publisher's decision on a draft: publish (now or later), reject with a comment, or unschedule."""

    PUBLISH, REJECT, UNSCHEDULE, SEND_BACK = "publish", "reject", "unschedule", "send_back"

    action = forms.ChoiceField(
        choices=[(PUBLISH, _("Publish")), (REJECT, _("Reject")), (UNSCHEDULE, _("Cancel the schedule")),
                 (SEND_BACK, _("Send one language back"))],
        widget=forms.HiddenInput,
    )
    language = forms.ChoiceField(label=_("Language to send back"), required=False, choices=())
    send_back_comment = forms.CharField(
        label=_("What must change in this translation?"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Its translator sees this comment."),
    )
    significance = forms.ChoiceField(
        label=_("How big is this change?"), choices=Significance.choices, widget=forms.RadioSelect, required=False,
    )
    change_note = forms.CharField(
        label=_("Change note for readers (English)"), max_length=500, required=False,
        help_text=_("Needed for a major change. Shown in the page history and the updates feed."),
    )
    publish_at = forms.DateTimeField(
        label=_("Publish later, at"), required=False, input_formats=[LOCAL_DATETIME_FORMAT],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=LOCAL_DATETIME_FORMAT),
        help_text=_("Leave empty to publish now."),
    )
    override_checks = forms.BooleanField(
        label=_("Publish despite the quality problems listed above"), required=False,
        help_text=_("Only if you are sure the translations are right as they are."),
    )
    comment = forms.CharField(
        label=_("Why is it rejected?"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The author sees this comment."),
    )

    def __init__(self, *args, revision, **kwargs):
        initial = {
            "seen_version": revision.version,
            "seen_current": revision.page.current_revision_id,
            "significance": revision.significance,
            "change_note": getattr(revision, ENGLISH_CHANGE_NOTE) or "",
        }
        super().__init__(*args, initial=initial, **kwargs)
        self.revision = revision
        self.fields["language"].choices = [("", "—")] + [
            (code, get_language_info(code)["name_translated"]) for code in TRANSLATED_LANGUAGES]

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("action") == self.SEND_BACK and not cleaned_data.get("language"):
            self.add_error("language", _("Choose the language to send back."))
        if cleaned_data.get("action") == self.PUBLISH and not cleaned_data.get("significance"):
            self.add_error("significance", _("Choose how big the change is."))
        return cleaned_data

    def save(self, *, by):
        """Carry out the decision through the publishing workflow; PublishingRefused says why not."""
        data, revision = self.cleaned_data, self.revision
        if data["action"] == self.REJECT:
            return publishing.reject(revision, by=by, comment=data["comment"], reviewed=self.reviewed())
        if data["action"] == self.UNSCHEDULE:
            return publishing.unschedule(revision, by=by, reviewed=self.reviewed())
        if data["action"] == self.SEND_BACK:
            return review_actions.send_back(
                revision, language=data["language"], by=by, comment=data["send_back_comment"], reviewed=self.reviewed())
        revision.significance = data["significance"]
        setattr(revision, ENGLISH_CHANGE_NOTE, data["change_note"].strip())
        override = data["override_checks"]
        if data["publish_at"]:
            return publishing.schedule(
                revision, at=data["publish_at"], by=by, reviewed=self.reviewed(), override_checks=override
            )
        return publishing.publish(revision, by=by, reviewed=self.reviewed(), override_checks=override)


class DiscardForm(forms.Form):
    """"Discard this draft": the confirmation, with the version the person saw (a draft changed since is kept)."""

    seen_version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, revision, **kwargs):
        super().__init__(*args, initial={"seen_version": revision.version}, **kwargs)
        self.revision = revision

    def save(self, *, by):
        return review_actions.discard(self.revision, by=by, seen_version=self.cleaned_data["seen_version"])


class RestoreForm(ReviewedFields):
    """Restore the text of an earlier published revision, as a new published revision."""

    significance = forms.ChoiceField(
        label=_("How big is this change?"), choices=Significance.choices, widget=forms.RadioSelect,
        initial=Significance.MAJOR,
    )
    change_note = forms.CharField(
        label=_("Change note for readers (English)"), max_length=500, required=False,
        help_text=_("Needed for a major change. Shown in the page history and the updates feed."),
    )

    def __init__(self, *args, revision, **kwargs):
        initial = {"seen_version": revision.version, "seen_current": revision.page.current_revision_id}
        super().__init__(*args, initial=initial, **kwargs)
        self.revision = revision
        for code in TRANSLATED_LANGUAGES:  # readers of every language are told why the text went back
            self.fields[build_localized_fieldname("change_note", code)] = forms.CharField(
                label=_("Change note for readers (%(language)s)") % {"language": get_language_info(code)["name_translated"]},
                max_length=500, required=False, widget=forms.TextInput(attrs={**language_attributes(code), "size": 80}),
            )

    def translated_notes(self):
        return [self[build_localized_fieldname("change_note", code)] for code in TRANSLATED_LANGUAGES]

    def save(self, *, by):
        data = self.cleaned_data
        notes = {code: data[build_localized_fieldname("change_note", code)] for code in TRANSLATED_LANGUAGES}
        return publishing.restore(
            self.revision, by=by, significance=data["significance"], change_note=data["change_note"],
            reviewed=self.reviewed(), translated_notes=notes,
        )


class VoteForm(forms.Form):
    """Yes or No about the revision the reader read (hidden: it is the one the page showed)."""

    YES, NO = "yes", "no"

    revision = forms.ModelChoiceField(queryset=None, widget=forms.HiddenInput)
    answer = forms.ChoiceField(
        choices=[(YES, pgettext_lazy("was this page useful", "Yes")), (NO, pgettext_lazy("was this page useful", "No"))],
        error_messages={"required": _("Please choose Yes or No."), "invalid_choice": _("Please choose Yes or No.")},
    )

    def __init__(self, *args, page, **kwargs):
        super().__init__(*args, **kwargs)
        # Any published revision of this page: a reader may have read the one before a publish.
        self.fields["revision"].queryset = page.revisions.published()
        self.fields["revision"].error_messages["invalid_choice"] = _(
            "This version of the page cannot be rated. Please go back to the page and answer again."
        )

    @property
    def useful(self):
        return self.cleaned_data["answer"] == self.YES


class ReasonForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What was the problem?"),
        choices=FeedbackVote.Reason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose one of the answers, or go back to the page.")},
    )
