"""Everything a city's pages show, in a fixed number of queries: the city page and its print sheet."""

from dataclasses import dataclass, field

from django.db.models import Q

from config.last_updated import latest
from guidance.models import Audience, GuidancePage
from offices.models import DIRECTORY_ORDER, Office
from partners.grouping import branches_by_service
from partners.models import Branch, Partner

ELSEWHERE_SHOWN = 5  # UNHCR offices in other cities, and partners with no address, shown on a city's pages


@dataclass
class CityDirectory:
    city: object
    apply_offices: list = field(default_factory=list)
    unhcr_offices: list = field(default_factory=list)
    other_offices: list = field(default_factory=list)
    hotlines: list = field(default_factory=list)
    branches: list = field(default_factory=list)
    countrywide_partners: list = field(default_factory=list)
    more_elsewhere: bool = False  # more UNHCR offices or countrywide partners than shown
    asylum_page: object = None

    @property
    def services(self):
        """The city's partner branches grouped by the help they give."""
        return branches_by_service(self.branches)

    @property
    def help_by_service(self):
        """Every partner's help in this city, by service, with the partners that have no address here."""
        return branches_by_service(self.branches, self.countrywide_partners)

    @property
    def places(self):
        return [*self.apply_offices, *self.unhcr_offices, *self.other_offices, *self.hotlines, *self.branches]

    @property
    def last_updated(self):
        return latest(self.city.updated_at, *(place.updated_at for place in self.places))

    def as_context(self):
        """The names the city templates use."""
        return {
            "city": self.city,
            "apply_offices": self.apply_offices,
            "unhcr_offices": self.unhcr_offices,
            "other_offices": self.other_offices,
            "services": self.services,
            "help_by_service": self.help_by_service,
            "branches": self.branches,
            "countrywide_partners": self.countrywide_partners,
            "more_elsewhere": self.more_elsewhere,
            "asylum_page": self.asylum_page,
            "last_updated": self.last_updated,
            "last_checked": self.last_checked,
        }

    @property
    def last_checked(self):
        """The most recent date staff checked an entry shown for this city, if they ever did."""
        return latest(*(place.verified_on for place in self.places))


def city_offices(city):
    """The city's offices, the hotlines, and the first ELSEWHERE_SHOWN + 1 UNHCR offices elsewhere: one query."""
    current = Office.objects.current()
    elsewhere = current.filter(kind=Office.Kind.UNHCR).exclude(city=city).order_by(*DIRECTORY_ORDER)
    return current.filter(
        Q(city=city) | Q(kind=Office.Kind.HOTLINE) | Q(pk__in=elsewhere.values("pk")[: ELSEWHERE_SHOWN + 1])
    ).directory()


def city_directory(city):
    """Offices, partner branches and the asylum guidance for one city, in six queries.

    What the city has is shown in full; what is elsewhere (UNHCR offices in other cities, partners
    without an address) is shown up to a few entries, with a link to the whole directory, so the
    page stays the same size however large the directory grows.
    """
    offices = list(city_offices(city))
    here = [o for o in offices if o.city_id == city.pk]
    unhcr_elsewhere = [o for o in offices if o.city_id != city.pk and o.kind == Office.Kind.UNHCR]
    branches = list(
        Branch.objects.filter(city=city, partner__is_active=True)
        .select_related("partner", "city")
        .prefetch_related("services")
        .order_by("partner__order")
    )
    countrywide_partners = list(
        Partner.objects.filter(is_active=True, branches__isnull=True)
        .prefetch_related("services")
        .order_by("order", "name")[: ELSEWHERE_SHOWN + 1]
    )
    return CityDirectory(
        city=city,
        apply_offices=[o for o in here if o.kind == Office.Kind.ASYLUM_AUTHORITY],
        unhcr_offices=[o for o in here if o.kind == Office.Kind.UNHCR] + unhcr_elsewhere[:ELSEWHERE_SHOWN],
        other_offices=[o for o in here if o.kind not in (Office.Kind.ASYLUM_AUTHORITY, Office.Kind.UNHCR, Office.Kind.HOTLINE)],
        hotlines=[o for o in offices if o.kind == Office.Kind.HOTLINE],
        branches=branches,
        countrywide_partners=countrywide_partners[:ELSEWHERE_SHOWN],
        more_elsewhere=len(unhcr_elsewhere) > ELSEWHERE_SHOWN or len(countrywide_partners) > ELSEWHERE_SHOWN,
        asylum_page=GuidancePage.objects.for_listing().filter(audience=Audience.ASYLUM_SEEKER).first(),
    )
