"""The directory as Open Referral's HSDS 3.0 API profile: /, /services, /organizations, /service_at_locations, /taxonomies.

The mapping of offices and partners onto HSDS is config/site/open_data.py's, the same as the per-language
document (/<lang>/open-data/hsds.json); here it is served as the profile's paginated lists. Its
language is `?lang=` (English by default). The site's kinds of free help (legal counselling, …) are the
terms of one taxonomy, linked to each partner's services through `attributes`.
"""

import datetime
import uuid

from django.core.exceptions import ValidationError as NotAUuid
from django.core.paginator import Paginator
from django.http import Http404
from django.urls import reverse
from django.utils.dateparse import parse_datetime
from django.utils.timezone import is_aware, make_aware
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from config.language_fallback import localized
from config.page_cache import keep_out_of_cache
from config.site.notices import open_data_alerts
from config.site.open_data import HSDS_VERSION, HsdsDocument, Organizations
from offices.closures import follow_closures
from partners.models import Service

from .caching import cached
from .languages import content_language

router = Router(tags=["hsds"])
PROFILE = "https://docs.openreferral.org/en/v3.0/hsds/api_reference.html"
TAXONOMY_ID = str(uuid.uuid5(uuid.NAMESPACE_URL, "kz-refugee-help:services"))  # never changes
PER_PAGE, MAX_PER_PAGE = 50, 500
LIST_QUERY = ("lang", "search", "taxonomy_term_id", "organization_id", "modified_after", "page", "per_page", "full")


class ListQuery(Schema):
    lang: str = "en"
    search: str = ""
    taxonomy_term_id: str = ""
    organization_id: str = ""
    modified_after: str = ""
    page: int = 1
    per_page: int = PER_PAGE
    full: bool = False


def _uuid(value):
    try:
        return uuid.UUID(value)
    except (ValueError, NotAUuid):
        return None


def directory(request, language, organization_id=""):
    """Every current office and active partner (or the one asked for) as HSDS rows: a fixed number of queries."""
    organizations = Organizations()
    offices, partners = organizations.offices, organizations.partners
    if organization_id:
        wanted = _uuid(organization_id)
        offices, partners = offices.filter(uuid=wanted), partners.filter(uuid=wanted)
        if wanted is None:
            offices, partners = offices.none(), partners.none()
    builder = HsdsDocument(language, request.build_absolute_uri, open_data_alerts(request))
    for office in offices:
        builder.add_office(office)
    for partner in partners:
        builder.add_partner(partner)
    follow_closures(request, builder.places)
    return builder


def one_to_one(row):
    """A list item: the row's own fields, without the arrays of its children (the profile's lists)."""
    return {key: value for key, value in row.items() if not isinstance(value, list)}


def paginated(request, rows, page, per_page):
    """The profile's page shape: total_items, total_pages, page_number, size, first_page, last_page, empty, contents."""
    if not 1 <= per_page <= MAX_PER_PAGE or page < 1:
        raise HttpError(400, "page")
    pages = Paginator(rows, per_page)
    if page > pages.num_pages:
        keep_out_of_cache(request)  # a page past the end is answered, not stored
    contents = list(pages.page(page).object_list) if page <= pages.num_pages else []
    return {
        "total_items": pages.count,
        "total_pages": pages.num_pages if pages.count else 0,
        "page_number": page,
        "size": len(contents),
        "first_page": page == 1,
        "last_page": page >= pages.num_pages,
        "empty": not contents,
        "contents": contents,
    }


def modified_since(value):
    """An ISO date or date and time; without a zone, UTC."""
    try:
        moment = parse_datetime(value)
    except ValueError:
        moment = None
    if moment is None:
        raise HttpError(400, "modified_after")
    return moment if is_aware(moment) else make_aware(moment, datetime.UTC)


def services_matching(request, builder, query):
    rows = builder.services
    if query.search or query.modified_after:
        keep_out_of_cache(request)  # free text: answered, never stored (strangers cannot fill the cache)
    if query.modified_after:
        since = modified_since(query.modified_after)
        rows = [row for row in rows if row.get("last_modified") and parse_datetime(row["last_modified"]) >= since]
    if query.taxonomy_term_id:
        rows = [row for row in rows if any(a["taxonomy_term_id"] == query.taxonomy_term_id for a in row.get("attributes", ()))]
    if query.search:
        names = {org["id"]: org["name"] for org in builder.organizations}
        words = query.search.casefold().split()
        rows = [
            row for row in rows
            if all(word in " ".join((row["name"], row.get("description", ""), names[row["organization_id"]])).casefold() for word in words)
        ]
    return rows


def full_service(builder, service):
    """A service with its organization and the places it is given at (service_at_locations, each with its location)."""
    organization = next(org for org in builder.organizations if org["id"] == service["organization_id"])
    locations = {place["id"]: place for place in builder.locations}
    return {
        **service,
        "organization": organization,
        "service_at_locations": [
            {**link, "location": locations[link["location_id"]]} for link in builder.service_at_locations if link["service_id"] == service["id"]
        ],
    }


def full_organization(builder, organization, full_services=False):
    services = [row for row in builder.services if row["organization_id"] == organization["id"]]
    return {
        **organization,
        "services": [full_service(builder, row) if full_services else one_to_one(row) for row in services],
        "locations": [place for place in builder.locations if place["organization_id"] == organization["id"]],
    }


@router.get("/", summary="HSDS: this API and its profile", url_name="hsds_root")
@cached()
def hsds_root(request):
    return {"version": f"HSDS {HSDS_VERSION}", "profile": PROFILE, "openapi_url": request.build_absolute_uri(reverse("api:openapi-json"))}


@router.get("/services", summary="HSDS: services, a page at a time")
@cached("directory", query=LIST_QUERY)
def hsds_services(request, query: Query[ListQuery]):
    builder = directory(request, content_language(query.lang), query.organization_id)
    rows = services_matching(request, builder, query)
    rows = [full_service(builder, row) if query.full else one_to_one(row) for row in rows]
    return paginated(request, rows, query.page, query.per_page)


@router.get("/services/{id}", summary="HSDS: one service, fully nested")
@cached("directory", query=("lang",))
def hsds_service(request, id: str, lang: str = "en"):  # noqa: A002 - the profile's name
    builder = directory(request, content_language(lang))
    found = next((row for row in builder.services if row["id"] == id), None)
    if found is None:
        raise Http404
    return full_service(builder, found)


@router.get("/organizations", summary="HSDS: organizations, a page at a time")
@cached("directory", query=(*LIST_QUERY, "full_service"))
def hsds_organizations(request, query: Query[ListQuery], full_service: bool = False):
    builder = directory(request, content_language(query.lang), query.organization_id)
    rows = builder.organizations
    if query.search:
        keep_out_of_cache(request)
        words = query.search.casefold().split()
        rows = [row for row in rows if all(word in f"{row['name']} {row.get('description', '')}".casefold() for word in words)]
    rows = [full_organization(builder, row, full_service) if query.full else row for row in rows]
    return paginated(request, rows, query.page, query.per_page)


@router.get("/organizations/{id}", summary="HSDS: one organization with its services and locations")
@cached("directory", query=("lang", "full_service"))
def hsds_organization(request, id: str, lang: str = "en", full_service: bool = False):  # noqa: A002
    builder = directory(request, content_language(lang), id)
    if not builder.organizations:
        raise Http404
    return full_organization(builder, builder.organizations[0], full_service)


@router.get("/service_at_locations", summary="HSDS: where each service is given, a page at a time")
@cached("directory", query=LIST_QUERY)
def hsds_service_at_locations(request, query: Query[ListQuery]):
    builder = directory(request, content_language(query.lang), query.organization_id)
    wanted = {row["id"]: row for row in services_matching(request, builder, query)}
    locations = {place["id"]: place for place in builder.locations}
    rows = [
        {**link, "service": one_to_one(wanted[link["service_id"]]), "location": one_to_one(locations[link["location_id"]])}
        if query.full else link
        for link in builder.service_at_locations if link["service_id"] in wanted
    ]
    return paginated(request, rows, query.page, query.per_page)


@router.get("/taxonomies", summary="HSDS: the taxonomy of the kinds of free help")
@cached("directory", query=("lang", "page", "per_page"))
def hsds_taxonomies(request, lang: str = "en", page: int = 1, per_page: int = PER_PAGE):
    language = content_language(lang)
    terms = [
        {"id": str(kind.uuid), "code": kind.slug, "name": localized(kind, "name", language).value,
         "description": localized(kind, "description", language).value or localized(kind, "name", language).value,
         "taxonomy_id": TAXONOMY_ID, "language": language}
        for kind in Service.objects.order_by("order", "pk")
    ]
    taxonomy = {
        "id": TAXONOMY_ID, "name": "Free help for refugees in Kazakhstan",
        "description": "The kinds of free help partner organisations give; each is a term of this taxonomy.",
        "version": "1", "terms": terms,
    }
    return paginated(request, [taxonomy], page, per_page)
