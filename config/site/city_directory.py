"""Everything a city's pages show, in a fixed number of queries: the city page and its print sheet."""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from config.last_updated import latest
from guidance.models import Audience, GuidancePage
from offices.closures import is_closed
from offices.models import Office
from partners.grouping import branches_by_service
from partners.models import Branch, Partner


@dataclass
class CityDirectory:
    city: object
    apply_offices: list = field(default_factory=list)
    unhcr_offices: list = field(default_factory=list)
    other_offices: list = field(default_factory=list)
    hotlines: list = field(default_factory=list)
    branches: list = field(default_factory=list)
    countrywide_partners: list = field(default_factory=list)
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


def city_directory(city):
    """Offices, partner branches and the asylum guidance for one city, in six queries."""
    today = timezone.localdate()
    offices = list(
        Office.objects.current()
        .filter(
            Q(city=city)
            | Q(kind__in=[Office.Kind.UNHCR, Office.Kind.HOTLINE])
            | Q(pk__in=open_asylum_office_elsewhere(city, today))
        )
        .directory()
    )
    here = [o for o in offices if o.city_id == city.pk]
    elsewhere = [o for o in offices if o.city_id != city.pk]
    branches = list(
        Branch.objects.filter(city=city, partner__is_active=True)
        .select_related("partner", "city")
        .prefetch_related("services")
        .order_by("partner__order")
    )
    countrywide_partners = list(
        Partner.objects.filter(is_active=True, branches__isnull=True).prefetch_related("services")
    )
    return CityDirectory(
        city=city,
        apply_offices=[o for o in here if o.kind == Office.Kind.ASYLUM_AUTHORITY],
        unhcr_offices=[o for o in here if o.kind == Office.Kind.UNHCR]
        + [o for o in elsewhere if o.kind == Office.Kind.UNHCR],
        other_offices=[o for o in here if o.kind not in (Office.Kind.ASYLUM_AUTHORITY, Office.Kind.UNHCR, Office.Kind.HOTLINE)],
        hotlines=[o for o in offices if o.kind == Office.Kind.HOTLINE],
        branches=branches,
        countrywide_partners=countrywide_partners,
        asylum_page=GuidancePage.objects.for_reading().filter(audience=Audience.ASYLUM_SEEKER).first(),
        open_elsewhere=next((o for o in elsewhere if o.kind == Office.Kind.ASYLUM_AUTHORITY), None),
    )


def last_updated_by_city(cities):
    """{city id: the "last updated" date its city page shows}, for many cities in two queries (the sitemap)."""

    def day(moment):
        return timezone.localdate(moment) if moment else None

    offices = Office.objects.current().values_list("city_id", "kind", "changed_at")
    # One row per branch of each active partner; a partner without a branch (shown everywhere) has one, with no city.
    partners = Partner.objects.filter(is_active=True).values_list("changed_at", "branches__city_id", "branches__changed_at")
    everywhere = [day(at) for city_id, kind, at in offices if kind in (Office.Kind.UNHCR, Office.Kind.HOTLINE)]
    everywhere += [day(at) for at, city_id, _branch_at in partners if city_id is None]
    here = {}
    for city_id, _kind, at in offices:
        here.setdefault(city_id, []).append(day(at))
    for partner_at, city_id, branch_at in partners:
        here.setdefault(city_id, []).extend((day(branch_at), day(partner_at)))
    return {city.pk: latest(city.last_changed, *everywhere, *here.get(city.pk, ())) for city in cities}
