"""The directory entries a person should check: current offices and branches of active partners in their
cities (every city when they chose none) not checked for 180 days (offices/freshness.py). Used by the
digest and the dashboard, which link to the admin list filtered the same way."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.urls import reverse

from offices import freshness
from offices.models import Office
from partners.models import Branch


@dataclass(frozen=True)
class Kind:
    name: str
    listed: object  # () -> the entries still listed for readers
    list_name: str  # the admin list
    list_query: dict = field(default_factory=dict)  # what filters it to those entries too

    def to_check(self, cities, today=None):
        entries = freshness.with_freshness(self.listed(), today).filter(needs_check=True)
        return entries.filter(city__in=cities) if cities else entries

    def list_url(self, cities):
        query = {"checked": "stale", **self.list_query}  # the admin's "Needs checking" filter
        if cities:
            query["city__id__in"] = ",".join(str(pk) for pk in cities)
        return f"{reverse(self.list_name)}?{urlencode(query)}"


OFFICES = Kind("offices", Office.objects.current, "admin:offices_office_changelist", {"is_current__exact": "1"})
# The branch list cannot filter on the partner's state; all partners with branches are active today.
BRANCHES = Kind("branches", lambda: Branch.objects.filter(partner__is_active=True), "admin:partners_branch_changelist")


def city_ids(profile):
    return [city.pk for city in profile.cities.all()] if profile.pk else []
