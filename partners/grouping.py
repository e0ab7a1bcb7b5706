"""Group a city's partner branches by the help they give, the way a person looks for it."""

from dataclasses import dataclass, field


@dataclass
class ServiceGroup:
    service: object
    branches: list = field(default_factory=list)
    partners: list = field(default_factory=list)  # partners with no address here who give this help


def branches_by_service(branches, countrywide_partners=()):
    """One group per service, in the services' own order; a branch may sit in several groups.

    Partners without any branch join the groups of the services they give.
    """
    groups = {}
    for branch in branches:
        for service in branch.services.all():
            groups.setdefault(service.pk, ServiceGroup(service)).branches.append(branch)
    for partner in countrywide_partners:
        for service in partner.services.all():
            groups.setdefault(service.pk, ServiceGroup(service)).partners.append(partner)
    return sorted(groups.values(), key=lambda group: (group.service.order, group.service.name))
