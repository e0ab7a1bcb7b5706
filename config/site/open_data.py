"""The office and partner directory as Open Referral HSDS 3.0 JSON, one document per language.

How our directory maps onto HSDS (also in the README):
- each current Office is an organization (id: the office's uuid) with one service, and one
  location where it has an address (the hotline has none: its phones are on its service);
- each active Partner is an organization (id: the partner's uuid) with one service per kind of
  help (Service) it gives; each of its Branches is a location (id: the branch's uuid), linked to
  the services given there by service_at_location;
- phones, addresses and schedules (opening hours, where known) hang off their location;
- a temporary closure is a schedule of the location with its dates (valid_from, valid_to); an office
  closed today has the service status "temporarily closed";
- the notices in effect for an office or a branch are the `alert` of its services.
It lives in the site layer because it is a cross-app page: offices, partners and the site's notices.
Ids of the rows we derive are uuid5 of the uuid they belong to, so they never change either.
Former offices and inactive partners are never exported.
"""

import uuid

from django.core.paginator import EmptyPage, Paginator
from django.db import transaction
from django.db.models import Count, Prefetch, Subquery, Value
from django.http import Http404, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import get_language, gettext

from config.language_fallback import localized
from config.page_cache import depends_on
from offices.closures import closure_of, follow_closures, is_closed
from offices.hours import holiday_closures
from offices.models import Office
from offices.pagination import page_number
from partners.models import Branch, Partner

from .notices import open_data_alerts

HSDS_VERSION = "3.0"
# About 1 KB of JSON each: a page stays well under 1 MB however large the directory grows.
ORGANIZATIONS_PER_PAGE = 500
COUNTRY = "KZ"


def derived_id(owner_uuid, name):
    """A permanent id for something that belongs to a row with a permanent uuid."""
    return str(uuid.uuid5(owner_uuid, name))


def text(obj, field, language):
    return localized(obj, field, language).value


def address_line(place, language):
    """The address in the document's language; the driver's address is already Kazakh or Russian."""
    value = localized(place, "address", language)
    if place.driver_address and place.address_local_language == language and value.language != language:
        return place.driver_address
    return value.value or place.driver_address


def phones(place, owner, owner_id):
    return [
        {"id": derived_id(uuid.UUID(owner_id), f"phone:{phone.e164}"), owner: owner_id, "number": phone.e164, "type": "voice"}
        for phone in place.phone_list
    ]


def location(place, location_id, organization_id, name, language):
    """A place people go to, or None when we do not know its address."""
    address = address_line(place, language)
    if not address:
        return None
    entry = {
        "id": location_id,
        "location_type": "physical",
        "organization_id": organization_id,
        "name": name,
        "addresses": [
            {
                "id": derived_id(uuid.UUID(location_id), "address"),
                "location_id": location_id,
                "address_1": address,
                "city": text(place.city, "name", language) if place.city_id else "",
                # HSDS requires these; our sources do not give them and we never invent them.
                "state_province": "",
                "postal_code": "",
                "country": COUNTRY,
                "address_type": "physical",
            }
        ],
        "phones": phones(place, "location_id", location_id),
        "schedules": [],
    }
    if place.latitude is not None and place.longitude is not None:
        entry["latitude"] = float(place.latitude)
        entry["longitude"] = float(place.longitude)
    entry["schedules"] += schedules(place, location_id, language)
    closure = closure_of(place)
    if closure is not None:
        entry["schedules"].append(
            {
                "id": derived_id(uuid.UUID(location_id), f"closure:{closure.first_day.isoformat()}"),
                "location_id": location_id,
                "valid_from": closure.first_day.isoformat(),
                "valid_to": closure.last_day.isoformat(),
                "description": closure.summary(gettext("Temporarily closed")),
                **optional(notes=closure.reason.value),
            }
        )
    return entry


def schedules(place, location_id, language):
    """The weekly hours a source gives (HSDS `schedule` rows as stored), the public holidays coming on
    which the place is closed, and a note on the hours; nothing is invented where no source gives hours."""
    owner, today = uuid.UUID(location_id), timezone.localdate()
    note = text(place, "opening_hours", language)
    rows = [
        {
            "id": derived_id(owner, f"schedule:{number}"),
            "location_id": location_id,
            "freq": "WEEKLY",
            "wkst": "MO",
            **{key: rule[key] for key in ("byday", "opens_at", "closes_at", "valid_from", "valid_to") if rule.get(key)},
            **optional(description=note),
        }
        for number, rule in enumerate(place.hours or [])
        if not rule.get("valid_to") or rule["valid_to"] >= today.isoformat()
    ]
    if not rows and note:
        rows.append({"id": derived_id(owner, "schedule"), "location_id": location_id, "description": note})
    rows += [
        {
            "id": derived_id(owner, f"holiday:{closure.day.isoformat()}"),
            "location_id": location_id,
            "valid_from": closure.day.isoformat(),
            "valid_to": closure.day.isoformat(),
            "description": closure.text,
        }
        for closure in holiday_closures(place, today)
    ]
    return rows


def optional(**values):
    return {key: value for key, value in values.items() if value}


class Organizations:
    """Current offices, then active partners: one sequence the paginator can count and slice, each
    slice read with only the rows it holds (and what they link to)."""

    def __init__(self):
        self.offices = Office.objects.current().directory()
        self.partners = (
            Partner.objects.filter(is_active=True)
            .prefetch_related(
                "services",
                Prefetch("branches", queryset=Branch.objects.select_related("city").prefetch_related("services").order_by("city__order")),
            )
            .order_by("order", "name")
        )

    @cached_property
    def counts(self):
        """(current offices, active partners), in one query: the open data keeps to the query budget."""
        row = (
            Office.objects.order_by()
            .annotate(offices=_count_of(Office.objects.current()), partners=_count_of(self.partners))
            .values_list("offices", "partners")[:1]
        )
        found = next(iter(row), None)
        return found if found is not None else (0, self.partners.count())  # no office at all: partners alone

    @property
    def office_count(self):
        return self.counts[0]

    def count(self):
        return sum(self.counts)

    def __getitem__(self, where):
        start, stop = where.start or 0, where.stop
        offices = list(self.offices[start:stop]) if start < self.office_count else []
        partners = list(self.partners[max(start - self.office_count, 0):stop - self.office_count]) if stop > self.office_count else []
        return offices + partners


def _count_of(queryset):
    """COUNT(*) of the queryset as a subquery."""
    return Subquery(queryset.order_by().annotate(one=Value(1)).values("one").annotate(n=Count("pk")).values("n"))


def _page_url(url, number):
    return url if number == 1 else f"{url}?page={number}"


class HsdsDocument:
    """Builds the document for one language; `absolute` turns a path into a full URL."""

    def __init__(self, language, absolute, alerts=None):
        self.language = language
        self.absolute = absolute
        self.alerts = alerts or {}  # uuid of an office or branch -> the notices in effect there
        self.organizations, self.services, self.locations, self.service_at_locations = [], [], [], []
        self.places = []  # every office and branch exported: their closures date the document

    def alert(self, *places):
        """The notices in effect at these places, as one plain text: title and dates of each."""
        notices = [notice for place in places for notice in self.alerts.get(place.uuid, [])]
        return "\n".join(dict.fromkeys(f"{text(notice, 'title', self.language)} ({notice.period})" for notice in notices))

    def build(self, page_number=1):
        """The document holding page `page_number` of the organizations (offices first, then partners).

        Raises django.core.paginator.EmptyPage for a page past the last.
        """
        page = Paginator(Organizations(), ORGANIZATIONS_PER_PAGE).page(page_number)
        for organization in page.object_list:
            if isinstance(organization, Office):
                self.add_office(organization)
            else:
                self.add_partner(organization)
        url = self.absolute(reverse("site:open_data_hsds"))
        return {
            "hsds_version": HSDS_VERSION,
            "language": self.language,
            "description": gettext(
                "Offices and partner organisations that help asylum-seekers, refugees and stateless people in Kazakhstan."
            ),
            "url": url,
            # The directory a page at a time, as HSDS's own API pages its lists; one page while it is small.
            "total_items": page.paginator.count,
            "total_pages": page.paginator.num_pages,
            "page_number": page.number,
            "size": len(page.object_list),
            "first_page": not page.has_previous(),
            "last_page": not page.has_next(),
            **optional(
                previous=page.has_previous() and _page_url(url, page.previous_page_number()),
                next=page.has_next() and _page_url(url, page.next_page_number()),
            ),
            "organizations": self.organizations,
            "services": self.services,
            "locations": self.locations,
            "service_at_locations": self.service_at_locations,
        }

    def add_office(self, office):
        organization_id = str(office.uuid)
        name = text(office, "name", self.language)
        notes = text(office, "notes", self.language)
        page = self.absolute(office.get_absolute_url())
        self.organizations.append(
            {"id": organization_id, "name": name, "description": notes, **optional(email=office.email, website=office.website)}
        )
        service_id = derived_id(office.uuid, "service")
        place = location(office, derived_id(office.uuid, "location"), organization_id, name, self.language)
        self.places.append(office)
        service = {
            "id": service_id,
            "organization_id": organization_id,
            "name": name,
            "status": "temporarily closed" if is_closed(office) else "active",
            **optional(
                description=notes, url=page, email=office.email, assured_date=_date(office.verified_on),
                alert=self.alert(office), last_modified=_date(office.updated_at),
            ),
        }
        if place is None:
            service["phones"] = phones(office, "service_id", service_id)
        self.services.append(service)
        if place is not None:
            self.locations.append(place)
            self.link(derived_id(office.uuid, "service_at_location"), service_id, place["id"])

    def add_partner(self, partner):
        organization_id = str(partner.uuid)
        name = text(partner, "name", self.language)
        page = self.absolute(partner.get_absolute_url())
        self.organizations.append(
            {
                "id": organization_id,
                "name": name,
                "description": text(partner, "description", self.language),
                **optional(
                    alternate_name=text(partner, "short_name", self.language),
                    email=partner.email,
                    website=partner.website,
                ),
            }
        )
        branches = list(partner.branches.all())
        self.places += branches
        kinds = {service.pk: service for service in partner.services.all()}
        for branch in branches:
            kinds.update((service.pk, service) for service in branch.services.all())
        for kind in sorted(kinds.values(), key=lambda service: service.order):
            given_at = [branch for branch in branches if kind in branch.services.all()]
            closed = bool(given_at) and all(is_closed(branch) for branch in given_at)
            service_id = derived_id(partner.uuid, f"service:{kind.uuid}")
            self.services.append(
                {
                    "id": service_id,
                    "organization_id": organization_id,
                    "name": text(kind, "name", self.language),
                    "status": "temporarily closed" if closed else "active",
                    **optional(
                        description=text(kind, "description", self.language), url=page, email=partner.email,
                        alert=self.alert(*given_at),
                        last_modified=_date(max([partner.updated_at, *(b.updated_at for b in given_at)], default=None)),
                    ),
                    # The kind of help, a term of the site's own taxonomy (SERVICES_TAXONOMY).
                    "attributes": [
                        {
                            "id": derived_id(uuid.UUID(service_id), "attribute"), "link_id": service_id,
                            "link_entity": "service", "link_type": "service_type", "taxonomy_term_id": str(kind.uuid),
                        }
                    ],
                }
            )
        for branch in branches:
            city = text(branch.city, "name", self.language)
            place = location(branch, str(branch.uuid), organization_id, f"{name} — {city}", self.language)
            if place is None:
                continue
            self.locations.append(place)
            for kind in branch.services.all():
                self.link(
                    derived_id(branch.uuid, f"service:{kind.uuid}"),
                    derived_id(partner.uuid, f"service:{kind.uuid}"),
                    place["id"],
                )

    def link(self, link_id, service_id, location_id):
        self.service_at_locations.append({"id": link_id, "service_id": service_id, "location_id": location_id})


def _date(value):
    return value.isoformat() if value else None


@transaction.non_atomic_requests  # it only reads: no transaction (and its savepoint queries) needed
@depends_on("directory", query=("page",))
def hsds_document(request):
    """The directory as Open Referral HSDS 3.0 JSON in the URL's language (docs/public-site.md)."""
    builder = HsdsDocument(get_language(), request.build_absolute_uri, open_data_alerts(request))
    try:
        document = builder.build(page_number(request))
    except EmptyPage:
        raise Http404 from None
    follow_closures(request, builder.places)  # a closure's start or end changes the document
    # No indentation: Python then encodes in C, ten times faster for the whole directory.
    response = JsonResponse(document, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"  # open data: any website may read it
    return response
