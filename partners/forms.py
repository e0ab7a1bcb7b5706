"""The partner directory's filter: by city and by service, from the query string."""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _


class ListSelect(forms.Select):
    """A <select> written in one pass: Django's renders a template per option, which with hundreds
    of cities costs more than the rest of the page."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = "" if value is None else str(value)
        attributes = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        options = format_html_join(
            "", "<option value=\"{}\"{}>{}</option>", (
                (slug, mark_safe(" selected") if str(slug) == chosen else "", label) for slug, label in self.choices
            ),
        )
        return format_html("<select{}>{}</select>", flatatt(attributes), options)


class RowChoiceField(forms.ChoiceField):
    """A choice among rows read once: showing and checking it run no further query."""

    widget = ListSelect

    def __init__(self, *, empty_label, **kwargs):
        super().__init__(required=False, **kwargs)
        self.empty_label = empty_label
        self.rows = {}

    def set_rows(self, rows):
        self.rows = {row.slug: row for row in rows}
        self.choices = [("", self.empty_label), *((slug, str(row)) for slug, row in self.rows.items())]

    def clean(self, value):
        slug = super().clean(value)
        return self.rows.get(slug)


class SlugChoiceField(forms.ChoiceField):
    """A choice by slug among (slug, name) pairs read as plain values (a chooser of hundreds of cities)."""

    widget = ListSelect

    def __init__(self, *, empty_label, **kwargs):
        super().__init__(required=False, **kwargs)
        self.empty_label = empty_label

    def set_choices(self, choices):
        self.choices = [("", self.empty_label), *choices]

    def clean(self, value):
        return super().clean(value) or None


class PartnerFilterForm(forms.Form):
    city = SlugChoiceField(label=_("City"), empty_label=_("All cities"))
    service = SlugChoiceField(label=_("Help with"), empty_label=_("Any kind of help"))

    def __init__(self, *args, cities, services, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["city"].set_choices(cities)
        self.fields["service"].set_choices(services)
