"""Group a city's partner branches by the help they give, the way a person looks for it."""

from dataclasses import dataclass, field


@dataclass
class ServiceEntry:
    branch: object
    first_mention: bool  # later mentions link back to the first, full card


@dataclass
class ServiceGroup:
    service: object
    entries: list = field(default_factory=list)
    partners: list = field(default_factory=list)  # partners with no address here who give this help

    @property
    def branches(self):
        return [entry.branch for entry in self.entries]


def branches_by_service(branches, countrywide_partners=()):
    """One group per service, in the services' own order; a branch may sit in several groups.

    Partners without any branch join the groups of the services they give.
    """
    groups = {}
    for branch in branches:
        for service in branch.services.all():
            groups.setdefault(service.pk, ServiceGroup(service)).entries.append(branch)
    for partner in countrywide_partners:
        for service in partner.services.all():
            groups.setdefault(service.pk, ServiceGroup(service)).partners.append(partner)
    seen = set()
    ordered = sorted(groups.values(), key=lambda group: (group.service.order, group.service.name))
    for group in ordered:
        entries = []
        for branch in group.entries:
            entries.append(ServiceEntry(branch, first_mention=branch.pk not in seen))
            seen.add(branch.pk)
        group.entries = entries
    return ordered
