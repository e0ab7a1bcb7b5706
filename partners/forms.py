"""The partner directory's filter: by city and by service, from the query string."""

from django import forms
from django.utils.translation import gettext_lazy as _


class PartnerFilterForm(forms.Form):
    city = forms.ModelChoiceField(
        queryset=None, required=False, to_field_name="slug", label=_("City"), empty_label=_("All cities")
    )
    service = forms.ModelChoiceField(
        queryset=None, required=False, to_field_name="slug", label=_("Help with"), empty_label=_("Any kind of help")
    )

    def __init__(self, *args, cities, services, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["city"].queryset = cities
        self.fields["service"].queryset = services
