"""Everything a city's pages show, in a fixed number of queries: the city page and its print sheet."""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from config.last_updated import latest
from guidance.models import Audience, GuidancePage
from offices.closures import is_closed
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
    open_elsewhere: object = None  # the first asylum office of another city that is open today, if any

    @property
    def applications_closed(self):
        """Every office of this city that receives asylum applications is temporarily closed today."""
        return bool(self.apply_offices) and all(is_closed(office) for office in self.apply_offices)

    @property
    def apply_instead(self):
        """Where to apply while the city's offices are closed: the next office that receives applications."""
        return self.open_elsewhere if self.applications_closed else None

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
    def shown_places(self):
        """Every office and branch whose card the page may show, also the one to apply at instead."""
        return [*self.places, *([self.open_elsewhere] if self.open_elsewhere else [])]

    @property
    def last_updated(self):
        partners = [*(branch.partner for branch in self.branches), *self.countrywide_partners]
        return latest(
            self.city.last_changed, *(place.last_changed for place in self.places),
            *(partner.last_changed for partner in partners),
        )

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
            "applications_closed": self.applications_closed,
            "apply_instead": self.apply_instead,
            # The hotline is among this page's offices: the context processor need not read it again.
            "hotline": self.hotlines[0] if self.hotlines else None,
            "last_updated": self.last_updated,
            "last_checked": self.last_checked,
        }

    @property
    def last_checked(self):
        """The most recent date staff checked an entry shown for this city, if they ever did."""
        return latest(*(place.verified_on for place in self.places))


def open_asylum_office_elsewhere(city, today):
    """A subquery: the first office of another city (in the cities' order) that receives applications today."""
    closed_today = Q(closed_from__lte=today, closed_until__gte=today)
    return (
        Office.objects.current()
        .filter(kind=Office.Kind.ASYLUM_AUTHORITY)
        .exclude(city=city)
        .exclude(closed_today)
        .order_by("city__order", "order", "pk")
        .values("pk")[:1]
    )


def city_offices(city, today):
    """The city's offices, the hotlines, the first ELSEWHERE_SHOWN + 1 UNHCR offices elsewhere and
    the asylum office to apply at instead: one query, however many offices there are elsewhere."""
    current = Office.objects.current()
    unhcr_elsewhere = current.filter(kind=Office.Kind.UNHCR).exclude(city=city).order_by(*DIRECTORY_ORDER)
    return current.filter(
        Q(city=city)
        | Q(kind=Office.Kind.HOTLINE)
        | Q(pk__in=unhcr_elsewhere.values("pk")[: ELSEWHERE_SHOWN + 1])
        | Q(pk__in=open_asylum_office_elsewhere(city, today))
    ).directory()


def city_directory(city):
    """Offices, partner branches and the asylum guidance for one city, in six queries.

    What the city has is shown in full; what is elsewhere (UNHCR offices in other cities, partners
    without an address) is shown up to a few entries, with a link to the whole directory, so the
    page stays the same size however large the directory grows.
    """
    offices = list(city_offices(city, timezone.localdate()))
    here = [o for o in offices if o.city_id == city.pk]
    elsewhere = [o for o in offices if o.city_id != city.pk]
    unhcr_elsewhere = [o for o in elsewhere if o.kind == Office.Kind.UNHCR]
    branches = list(
        Branch.objects.filter(city=city, partner__is_active=True)
        .select_related("partner", "city", *Branch.CHECKS_RELATED)
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
        open_elsewhere=next((o for o in elsewhere if o.kind == Office.Kind.ASYLUM_AUTHORITY), None),
    )

