"""The directory entries a person should check: current offices of their cities (every city when they
chose none) not checked for 180 days (offices/freshness.py). Used by the digest and the dashboard."""

from urllib.parse import urlencode

from django.urls import reverse

from offices import freshness
from offices.models import Office

LIST = "admin:offices_office_changelist"


def city_ids(profile):
    return [city.pk for city in profile.cities.all()] if profile.pk else []


def to_check(cities, today=None):
    offices = freshness.with_freshness(Office.objects.current(), today).filter(needs_check=True)
    if cities:
        offices = offices.filter(city__in=cities)
    return offices


def list_url(cities):
    """The office list filtered the same way (the admin's "Needs checking" filter, current, these cities)."""
    query = {"checked": "stale", "is_current__exact": "1"}
    if cities:
        query["city__id__in"] = ",".join(str(pk) for pk in cities)
    return f"{reverse(LIST)}?{urlencode(query)}"
