"""Load services, partners and branches from partners/content/*.yaml; existing rows are kept as edited."""

from pathlib import Path

from config.content_files import read_yaml, translated
from offices.models import City

from .models import Branch, Partner, Service

CONTENT_DIR = Path(__file__).resolve().parent / "content"


def load(report):
    for entry in read_yaml(CONTENT_DIR / "services.yaml"):
        _service, created = Service.objects.get_or_create(
            slug=entry["slug"],
            defaults={"order": entry.get("order", 100), **translated(entry, "name", "description")},
        )
        report(Service, created)

    services = {service.slug: service for service in Service.objects.all()}
    cities = {city.slug: city for city in City.objects.all()}
    for entry in read_yaml(CONTENT_DIR / "partners.yaml"):
        if Partner.objects.filter(slug=entry["slug"]).exists():
            report(Partner, False)
            continue
        partner = Partner.objects.create(
            slug=entry["slug"],
            order=entry.get("order", 100),
            is_active=entry.get("active", True),
            website=entry.get("website", ""),
            email=entry.get("email", ""),
            **translated(entry, "name", "short_name", "description"),
        )
        partner.services.set(services[slug] for slug in entry.get("services", []))
        report(Partner, True)
        for branch_entry in entry.get("branches", []):
            branch = Branch.objects.create(
                partner=partner,
                city=cities[branch_entry["city"]],
                address_local=branch_entry.get("address_local", ""),
                address_local_language=branch_entry.get("address_local_language", "ru"),
                phones=branch_entry.get("phones", ""),
                verified_on=branch_entry.get("verified_on"),
                **translated(branch_entry, "address", "opening_hours"),
            )
            branch.services.set(services[slug] for slug in branch_entry.get("services", []))
            report(Branch, True)
