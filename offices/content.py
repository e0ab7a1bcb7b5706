"""Load cities and offices from offices/content/*.yaml; existing rows are left as staff edited them."""

from pathlib import Path

from config.content_files import read_yaml, translated

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
    for entry in read_yaml(CONTENT_DIR / "offices.yaml"):
        if Office.objects.filter(slug=entry["slug"]).exists():
            report(Office, False)
            continue
        office = office_from(entry, cities)
        office.full_clean()
        office.save()
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
        verified_on=entry.get("verified_on"),
        **translated(entry, "name", "address", "opening_hours", "notes"),
    )
