"""The directory entries a reader can report: offices, partner branches and partners, each by its permanent key."""

import uuid
from dataclasses import dataclass

from django.conf import settings
from django.http import Http404
from modeltranslation.utils import build_localized_fieldname

from offices.models import Office
from partners.models import Branch, Partner


@dataclass(frozen=True)
class Reportable:
    model: type
    key: str  # the field in the report's address: permanent, never the row id
    queryset: object  # () -> the entries readers can see

    def find(self, key):
        if self.key == "uuid":
            try:
                key = uuid.UUID(key)
            except ValueError:
                raise Http404 from None
        try:
            return self.queryset().get(**{self.key: key})
        except self.model.DoesNotExist:
            raise Http404 from None


KINDS = {
    "office": Reportable(Office, "slug", lambda: Office.objects.select_related("city")),
    "branch": Reportable(Branch, "uuid", lambda: Branch.objects.filter(partner__is_active=True).select_related("partner", "city")),
    "partner": Reportable(Partner, "slug", lambda: Partner.objects.filter(is_active=True)),
}


def find(kind, key):
    """The entry a report's address names, or a 404."""
    if kind not in KINDS:
        raise Http404
    return KINDS[kind].find(key)


def city_of(entry):
    """The city whose editors look into a report on this entry; None for a hotline or a partner as a whole."""
    return getattr(entry, "city", None)


def name_of(entry):
    """How staff recognise the entry in the queue (the English name, as in the field history)."""
    if isinstance(entry, Branch):
        return f"{_english_name(entry.partner)} — {_english_name(entry.city)}"
    return _english_name(entry)


def _english_name(entry):
    return getattr(entry, build_localized_fieldname("name", settings.LANGUAGE_CODE)) or entry.name


def page_url(entry):
    """The reader's page that shows the entry: its own, or its partner's for a branch."""
    return entry.partner.get_absolute_url() if isinstance(entry, Branch) else entry.get_absolute_url()
