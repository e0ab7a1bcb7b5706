"""Whether a contact is in the directory (a current office, an active partner or its branch), on an
official domain, or on the staff's approved list of fraudulent contacts; and the official contacts'
list. A fixed number of queries, whatever the size of the directory."""

from dataclasses import dataclass, field

from django.db.models import Prefetch, Q

from offices.models import Office
from partners.models import Branch, Partner

from ..models import FraudulentContact
from .reading import UNHCR_DOMAINS, ContactKind, host_of, is_unhcr_domain

GOVERNMENT_KINDS = {Office.Kind.ASYLUM_AUTHORITY, Office.Kind.BORDER_SERVICE, Office.Kind.OTHER}


@dataclass(repr=False)
class Answer:
    """What the check found for one contact."""

    contact: object  # reading.Contact
    offices: list = field(default_factory=list)
    branches: list = field(default_factory=list)
    partners: list = field(default_factory=list)
    official_domain: str = ""  # the official domain a website or an address is on, when no entry lists it
    frauds: list = field(default_factory=list)

    def __repr__(self):  # never the contact (see reading.Contact)
        return f"<Answer: {len(self.entries)} entries, {len(self.frauds)} fraudulent>"

    @property
    def entries(self):
        return [*self.offices, *self.branches, *self.partners]

    @property
    def is_listed(self):
        return bool(self.entries)

    @property
    def is_unhcr(self):
        return any(o.kind in (Office.Kind.UNHCR, Office.Kind.HOTLINE) for o in self.offices)

    @property
    def is_government(self):
        return any(o.kind in GOVERNMENT_KINDS for o in self.offices)

    @property
    def is_partner(self):
        return bool(self.branches or self.partners)

    @property
    def on_unhcr_domain(self):
        return is_unhcr_domain(self.official_domain)


def _offices():
    return Office.objects.current().select_related("city", *Office.CHECKS_RELATED).order_by("kind_order", "order", "name")


def _email_domain(address):
    return address.rpartition("@")[2].lower() if address else ""


def _owns_domain(entry, domain):
    return host_of(entry.website) == domain or _email_domain(entry.email) == domain


def _by_phone(answer):
    e164 = answer.contact.value
    has = lambda entry: any(phone.e164 == e164 for phone in entry.phone_list)  # noqa: E731 - the filter's check
    answer.offices = [o for o in _offices().filter(phones__contains=e164) if has(o)]
    branches = Branch.objects.filter(partner__is_active=True, phones__contains=e164)
    branches = branches.select_related("partner", "city", *Branch.CHECKS_RELATED).order_by("partner__order", "city__order")
    answer.branches = [b for b in branches if has(b)]


def _by_domain(answer):
    """Entries whose website or e-mail address is this one (or on this domain, for the official domain)."""
    contact, domain = answer.contact, answer.contact.domain
    near = Q(website__icontains=domain) | Q(email__iendswith=f"@{domain}")
    offices = list(_offices().filter(near))
    partners = list(Partner.objects.filter(near, is_active=True).select_related(*Partner.CHECKS_RELATED))
    if contact.kind == ContactKind.EMAIL:
        found = lambda entry: entry.email.lower() == contact.value  # noqa: E731
    else:
        found = lambda entry: host_of(entry.website) == domain  # noqa: E731
    answer.offices = [o for o in offices if found(o)]
    answer.partners = [p for p in partners if found(p)]
    if is_unhcr_domain(domain) or any(_owns_domain(entry, domain) for entry in [*offices, *partners]):
        answer.official_domain = domain


def _frauds(contact):
    wanted = Q(kind=contact.kind, value=contact.value)
    if contact.kind == ContactKind.EMAIL:  # an address on a fraudulent website's domain
        wanted |= Q(kind=ContactKind.WEBSITE, value=contact.domain)
    return list(FraudulentContact.objects.approved().filter(wanted))


def check_contact(contact):
    """The Answer for a reading.Contact."""
    answer = Answer(contact=contact)
    if contact.kind == ContactKind.PHONE:
        _by_phone(answer)
    elif contact.kind in (ContactKind.EMAIL, ContactKind.WEBSITE):
        _by_domain(answer)
    answer.frauds = _frauds(contact)
    return answer


def official_contacts():
    """The list to print: current offices (UNHCR first, then the government's) and active partners with
    their branches, each with a source or a check; those without one are left out (they are not verified)."""
    checked = Q(source_check__isnull=False) | Q(last_check__isnull=False)
    offices = list(_offices().filter(checked | Q(verified_on__isnull=False)))
    branches = Branch.objects.filter(checked | Q(verified_on__isnull=False))
    branches = branches.select_related("city", *Branch.CHECKS_RELATED).order_by("city__order")
    partners = (
        Partner.objects.filter(is_active=True).select_related(*Partner.CHECKS_RELATED)
        .prefetch_related(Prefetch("branches", queryset=branches)).order_by("order", "name")
    )
    return {
        "unhcr_offices": [o for o in offices if o.kind in (Office.Kind.UNHCR, Office.Kind.HOTLINE)],
        "government_offices": [o for o in offices if o.kind in GOVERNMENT_KINDS],
        "partners": [p for p in partners if p.branches.all() or p.source_check_id or p.last_check_id],
        "unhcr_domains": UNHCR_DOMAINS,
    }
