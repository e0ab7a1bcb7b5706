"""The directory as Open Referral HSDS 3.0 JSON: valid, complete, current only, with ids that never change."""

import json
import uuid

import pytest

from offices.models import Office
from partners.models import Branch, Partner, Service
from tests.factories import QUERY_BUDGET

from .conftest import LANGUAGE_CODES

pytestmark = pytest.mark.django_db

# The required fields of HSDS 3.0 (openreferral/specification, schema/*.json "required"),
# and the values its enumerations allow.
REQUIRED = {
    "organization": ["id", "name", "description"],
    "service": ["id", "name", "status"],
    "location": ["id", "location_type"],
    "service_at_location": ["id"],
    "phone": ["id", "number"],
    "address": ["id", "address_1", "city", "state_province", "postal_code", "country", "address_type"],
    "schedule": ["id"],
}
ENUMS = {
    ("service", "status"): {"active", "inactive", "defunct", "temporarily closed"},
    ("location", "location_type"): {"physical", "postal", "virtual"},
    ("address", "address_type"): {"physical", "postal", "virtual"},
}


def export(client, lang="en"):
    response = client.get(f"/{lang}/open-data/hsds.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()


def records(document):
    """Every HSDS record in the document, with its table name."""
    for table, key in [
        ("organization", "organizations"), ("service", "services"), ("location", "locations"),
        ("service_at_location", "service_at_locations"),
    ]:
        for record in document[key]:
            yield table, record
            for child_table in ("phone", "address", "schedule"):
                for child in record.get(f"{child_table}es" if child_table == "address" else f"{child_table}s", []):
                    yield child_table, child


def validate_hsds(document):
    ids = []
    for table, record in records(document):
        for field in REQUIRED[table]:
            assert field in record, f"{table} {record.get('id')} lacks {field}"
            assert isinstance(record[field], str), f"{table}.{field} must be a string"
        uuid.UUID(record["id"])
        ids.append(record["id"])
        for (enum_table, field), allowed in ENUMS.items():
            if enum_table == table:
                assert record[field] in allowed
    assert len(ids) == len(set(ids)), "ids must be unique"
    organizations = {o["id"] for o in document["organizations"]}
    services = {s["id"] for s in document["services"]}
    locations = {loc["id"] for loc in document["locations"]}
    assert {s["organization_id"] for s in document["services"]} <= organizations
    assert {loc["organization_id"] for loc in document["locations"]} <= organizations
    for link in document["service_at_locations"]:
        assert link["service_id"] in services and link["location_id"] in locations


@pytest.mark.parametrize("lang", LANGUAGE_CODES)
def test_export_has_every_hsds_required_field_in_every_language(client, lang):
    document = export(client, lang)
    assert document["hsds_version"] == "3.0" and document["language"] == lang
    validate_hsds(document)


def test_export_has_every_current_office_and_branch_and_no_former_one(client):
    document = export(client)
    text = json.dumps(document)
    organizations = {o["id"] for o in document["organizations"]}
    locations = {loc["id"] for loc in document["locations"]}
    for office in Office.objects.current():
        assert str(office.uuid) in organizations, office.slug
    for branch in Branch.objects.filter(partner__is_active=True):
        assert str(branch.uuid) in locations, branch
    for partner in Partner.objects.filter(is_active=True):
        assert str(partner.uuid) in organizations, partner.slug
    former = Office.objects.former()
    assert former.exists()
    for office in former:
        assert str(office.uuid) not in text and office.name_en not in text
    for partner in Partner.objects.filter(is_active=False):
        assert str(partner.uuid) not in text and partner.name_en not in text


def test_a_closed_office_leaves_the_export(client):
    office = Office.objects.get(slug="employment-office-shymkent")
    office.is_current = False
    office.save()
    assert str(office.uuid) not in json.dumps(export(client))


def test_ids_never_change_across_languages_requests_and_edits(client):
    def ids(document):
        return sorted(record["id"] for _table, record in records(document))

    before = ids(export(client, "en"))
    assert ids(export(client, "ru")) == before
    office = Office.objects.get(slug="unhcr-national-office-astana")
    office.name_en = "UNHCR Kazakhstan"
    office.address_en = "14 Mambetov Street"
    office.save()
    assert ids(export(client, "en")) == before


def test_services_have_permanent_ids_of_their_own():
    uuids = list(Service.objects.values_list("uuid", flat=True))
    assert all(uuids) and len(set(uuids)) == len(uuids)


def test_offices_map_to_organization_service_location_with_phones_and_address(client):
    document = export(client, "ru")
    office = Office.objects.get(slug="unhcr-national-office-astana")
    organization = next(o for o in document["organizations"] if o["id"] == str(office.uuid))
    assert organization["email"] == "kazas@unhcr.org"
    location = next(loc for loc in document["locations"] if loc["organization_id"] == str(office.uuid))
    address = location["addresses"][0]
    assert address["address_1"] == "ул. Мамбетова, 14"  # Russian document: the Russian address
    assert (address["city"], address["country"]) == ("Астана", "KZ")
    assert [phone["number"] for phone in location["phones"]] == ["+77172696545"]
    service = next(s for s in document["services"] if s["organization_id"] == str(office.uuid))
    assert service["url"] == "http://testserver/ru/offices/unhcr-national-office-astana/"


def test_hotline_has_its_phone_on_its_service(client):
    document = export(client)
    hotline = Office.objects.get(slug="unhcr-hotline")
    service = next(s for s in document["services"] if s["organization_id"] == str(hotline.uuid))
    assert [phone["number"] for phone in service["phones"]] == ["+77017447238"]


def test_partner_services_are_linked_to_the_branches_that_give_them(client):
    document = export(client)
    branch = Branch.objects.get(partner__slug="red-crescent")
    services = {s["id"]: s["name"] for s in document["services"]}
    given_here = sorted(services[link["service_id"]] for link in document["service_at_locations"] if link["location_id"] == str(branch.uuid))
    assert given_here == ["Financial assistance", "Medical assistance", "Questions about education", "Social assistance"]


def test_opening_hours_become_a_schedule_where_known(client):
    branch = Branch.objects.get(partner__slug="bhr", city__slug="almaty")
    branch.opening_hours_en = "Monday to Friday, 9:00–18:00"
    branch.save()
    location = next(loc for loc in export(client)["locations"] if loc["id"] == str(branch.uuid))
    assert [schedule["description"] for schedule in location["schedules"]] == ["Monday to Friday, 9:00–18:00"]


def test_any_website_may_read_the_open_data(client):
    assert client.get("/en/open-data/hsds.json")["Access-Control-Allow-Origin"] == "*"


def test_export_runs_few_queries(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(QUERY_BUDGET):
        client.get("/en/open-data/hsds.json")

