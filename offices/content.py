"""Load cities and offices from offices/content/*.yaml; existing rows are left as staff edited them.

An office entry names its source (`source: "000"`, a key of config/sources/content/sources.yaml) and,
only where that source gives them, its weekly hours as HSDS schedule rows:
`hours: [{byday: "MO,TU,WE,TH,FR", opens_at: "09:00", closes_at: "18:00"}]`.
"""

from pathlib import Path

from config.content_files import read_yaml, translated
from config.sources.content import record_source

from .models import City, FormerCityName, Office

CONTENT_DIR = Path(__file__).resolve().parent / "content"


def load(report):
    for entry in read_yaml(CONTENT_DIR / "cities.yaml"):
        city, created = City.objects.get_or_create(
            slug=entry["slug"], defaults={"order": entry.get("order", 100), **translated(entry, "name")}
        )
        report(City, created)
        for former in entry.get("former_names", []):
            _name, created = FormerCityName.objects.get_or_create(
                slug=former["slug"],
                defaults={"city": city, "used_until": former.get("used_until"), **translated(former, "name")},
            )
            report(FormerCityName, created)

    cities = {city.slug: city for city in City.objects.all()}
    path = CONTENT_DIR / "offices.yaml"
    for entry in read_yaml(path):
        existing = Office.objects.filter(slug=entry["slug"]).first()
        if existing is not None:
            record_source(existing, entry, path)  # given to an entry loaded before entries had sources
            report(Office, False)
            continue
        office = office_from(entry, cities)
        office.full_clean()
        office.save()
        record_source(office, entry, path)
        report(Office, True)


def office_from(entry, cities):
    """An unsaved Office from one entry of offices.yaml ({slug: City} for its city)."""
    return Office(
        slug=entry["slug"],
        kind=entry["kind"],
        city=cities.get(entry.get("city")),
        order=entry.get("order", 100),
        is_current=entry.get("current", True),
        address_local=entry.get("address_local", ""),
        address_local_language=entry.get("address_local_language", "ru"),
        phones=entry.get("phones", ""),
        email=entry.get("email", ""),
        website=entry.get("website", ""),
        hours=entry.get("hours", []),
        **translated(entry, "name", "address", "opening_hours", "notes"),
    )
