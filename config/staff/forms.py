from django import forms
from django.utils.functional import lazy
from django.utils.text import capfirst
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from guidance.segments.page_status import TRANSLATED_LANGUAGES

from .models import NOTIFICATIONS, StaffProfile

capfirst_lazy = lazy(capfirst, str)


def translated_language_choices():
    return [(code, get_language_info(code)["name_translated"]) for code in TRANSLATED_LANGUAGES]


class StaffProfileForm(forms.ModelForm):
    translates = forms.MultipleChoiceField(
        label=capfirst_lazy(_("languages I translate")), choices=translated_language_choices, required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = StaffProfile
        fields = [*NOTIFICATIONS, "language", "translates", "cities"]
        widgets = {"cities": forms.CheckboxSelectMultiple}
