"""Group a city's partner branches by the help they give, the way a person looks for it."""

from dataclasses import dataclass, field


@dataclass
class ServiceGroup:
    service: object
    branches: list = field(default_factory=list)


def branches_by_service(branches):
    """One group per service, in the services' own order; a branch may sit in several groups."""
    groups = {}
    for branch in branches:
        for service in branch.services.all():
            groups.setdefault(service.pk, ServiceGroup(service)).branches.append(branch)
    return sorted(groups.values(), key=lambda group: (group.service.order, group.service.name))
