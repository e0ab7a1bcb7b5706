"""Load services, partners and branches from partners/content/*.yaml; existing rows are kept as edited.

A partner names its source (`source: "000"`); its branches share it unless they name their own, and
carry weekly hours (`hours:`, HSDS schedule rows) only where that source gives them."""

from pathlib import Path

from config.content_files import read_yaml, translated
from config.sources.content import record_source
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
    path = CONTENT_DIR / "partners.yaml"
    for entry in read_yaml(path):
        existing = Partner.objects.filter(slug=entry["slug"]).first()
        if existing is not None:
            # Given to entries loaded before entries had sources; staff's own records are kept.
            record_source(existing, entry, path)
            for branch_entry in entry.get("branches", []):
                branch = existing.branches.filter(city__slug=branch_entry["city"]).first()
                if branch is not None:
                    record_source(branch, {"source": entry.get("source"), **branch_entry}, path)
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
        record_source(partner, entry, path)
        report(Partner, True)
        for branch_entry in entry.get("branches", []):
            branch = Branch.objects.create(
                partner=partner,
                city=cities[branch_entry["city"]],
                address_local=branch_entry.get("address_local", ""),
                address_local_language=branch_entry.get("address_local_language", "ru"),
                phones=branch_entry.get("phones", ""),
                hours=branch_entry.get("hours", []),
                **translated(branch_entry, "address", "opening_hours"),
            )
            branch.full_clean()
            record_source(branch, {"source": entry.get("source"), **branch_entry}, path)
            branch.services.set(services[slug] for slug in branch_entry.get("services", []))
            report(Branch, True)
