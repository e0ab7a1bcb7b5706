"""Group a city's partner branches by the help they give, the way a person looks for it.

Both lists are read from the many-to-many link rows with their ends joined in: one query each,
however many partners, branches and services there are.
"""

from dataclasses import dataclass, field

from .models import Branch, Partner


@dataclass
class ServiceGroup:
    service: object
    branches: list = field(default_factory=list)


@dataclass
class PartnerServices:
    partner: object
    services: list = field(default_factory=list)


def branches_by_service(city):
    """One group per service given in the city, in the services' own order; a branch may sit in
    several groups."""
    links = (
        Branch.services.through.objects.filter(branch__city=city, branch__partner__is_active=True)
        .select_related("service", "branch__partner", "branch__city")
        .order_by("branch__partner__order", "branch__partner__name", "branch_id")
    )
    groups = {}
    for link in links:
        groups.setdefault(link.service_id, ServiceGroup(link.service)).branches.append(link.branch)
    return sorted(groups.values(), key=lambda group: (group.service.order, group.service.name))


def countrywide_partners():
    """Active partners with no branch anywhere, with the help each gives."""
    links = (
        Partner.services.through.objects.filter(partner__is_active=True, partner__branches__isnull=True)
        .select_related("partner", "service")
        .order_by("partner__order", "partner__name", "service__order", "service__name")
    )
    partners = {}
    for link in links:
        partners.setdefault(link.partner_id, PartnerServices(link.partner)).services.append(link.service)
    return list(partners.values())
