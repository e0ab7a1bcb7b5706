"""The directory entries a person should check: current offices, active partners and their branches in
the person's cities (every city when they chose none) whose next check is due, or that were never checked
(config/sources/rounds.py). Used by the digest and the dashboard, which link to the admin list filtered
the same way."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.urls import reverse

from config.sources import rounds
from offices.models import Office
from partners.models import Branch, Partner


@dataclass(frozen=True)
class Kind:
    name: str
    listed: object  # () -> the entries still listed for readers
    list_name: str  # the admin list
    list_query: dict = field(default_factory=dict)  # what filters it to those entries too
    city_lookup: str = "city__in"  # how an entry belongs to the person's cities

    def to_check(self, cities, today=None):
        entries = rounds.due(self.listed(), today)
        if not cities:
            return entries
        entries = entries.filter(**{self.city_lookup: cities})
        return entries.distinct() if "__" in self.city_lookup else entries

    def list_url(self, cities):
        query = {"due": "due", **self.list_query}  # the admin's "due for a check" filter
        if cities:
            query[self.city_lookup.replace("__in", "__id__in")] = ",".join(str(pk) for pk in cities)
        return f"{reverse(self.list_name)}?{urlencode(query)}"


OFFICES = Kind("offices", Office.objects.current, "admin:offices_office_changelist", {"is_current__exact": "1"})
# The branch list cannot filter on the partner's state; all partners with branches are active today.
BRANCHES = Kind("branches", lambda: Branch.objects.filter(partner__is_active=True).select_related("partner", "city"),
                "admin:partners_branch_changelist")
# A partner belongs to the cities it has a branch in.
PARTNERS = Kind("partners", lambda: Partner.objects.filter(is_active=True), "admin:partners_partner_changelist",
                {"is_active__exact": "1"}, city_lookup="branches__city__in")


def city_ids(profile):
    return [city.pk for city in profile.cities.all()] if profile.pk else []
