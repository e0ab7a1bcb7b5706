"""Forms readers send: the "Was this page useful?" answer and the optional reason for a "No"."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .models import FeedbackVote


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
