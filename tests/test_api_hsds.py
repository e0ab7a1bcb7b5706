"""The HSDS 3.0 API profile (/api/v1/hsds/), validated against Open Referral's pinned OpenAPI and schemas (tests/hsds/)."""

import gzip
import json
from functools import cache
from http import HTTPStatus
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from tests.factories import QUERY_BUDGET

pytestmark = pytest.mark.django_db

SPEC = Path(__file__).parent / "hsds"


@cache
def schema(name):
    path = SPEC / f"{name}.json"
    text = path.read_text() if path.exists() else gzip.decompress((SPEC / f"{name}.json.gz").read_bytes()).decode()
    return json.loads(text)


def page_schema(items):
    """The profile's Page (openapi.json components) with its contents, as the profile's list operations describe it."""
    page = schema("openapi")["components"]["schemas"]["Page"]
    return {**page, "required": list(page["properties"]), "properties": {**page["properties"], "contents": {"type": "array", "items": items}}}


def assert_valid(document, against):
    errors = sorted(Draft202012Validator(against).iter_errors(document), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])


def get(client, path):
    response = client.get(path)
    assert response.status_code == HTTPStatus.OK, response.content[:300]
    assert response["Access-Control-Allow-Origin"] == "*"
    return response.json()


def test_the_profile_lists_the_operations_we_serve():
    paths = schema("openapi")["paths"]
    for path in ("/", "/services", "/services/{id}", "/organizations", "/organizations/{id}", "/service_at_locations", "/taxonomies"):
        assert path in paths


def test_root_says_which_version_and_where_the_description_is(client):
    root = get(client, "/api/v1/hsds/")
    assert_valid(root, schema("openapi")["paths"]["/"]["get"]["responses"]["200"]["content"]["application/json"]["schema"])
    assert root["version"] == "HSDS 3.0" and root["openapi_url"].endswith("/api/v1/openapi.json")


@pytest.mark.parametrize(
    ("path", "items"),
    [
        ("/api/v1/hsds/services", "service_list"),
        ("/api/v1/hsds/services?full=true&lang=ru", "service"),
        ("/api/v1/hsds/organizations", "organization_list"),
        ("/api/v1/hsds/organizations?full=true&lang=ar", "organization"),
        ("/api/v1/hsds/service_at_locations", "service_at_location_list"),
        ("/api/v1/hsds/service_at_locations?full=true", "service_at_location_list"),
        ("/api/v1/hsds/taxonomies", "taxonomy"),
    ],
)
def test_lists_validate_against_the_profile(client, path, items):
    answer = get(client, path)
    assert_valid(answer, page_schema(schema(items)))
    assert answer["total_items"] >= answer["size"] > 0 and answer["first_page"] and not answer["empty"]


def test_one_service_and_one_organization_validate(client):
    services = get(client, "/api/v1/hsds/services?per_page=500")["contents"]
    service = get(client, f"/api/v1/hsds/services/{services[-1]['id']}")
    assert_valid(service, schema("service"))
    assert service["organization"]["id"] == service["organization_id"]
    organization = get(client, f"/api/v1/hsds/organizations/{service['organization_id']}?full_service=true")
    assert_valid(organization, schema("organization"))
    assert service["id"] in [row["id"] for row in organization["services"]]


def test_pagination_holds_its_shape(client):
    everything = get(client, "/api/v1/hsds/services?per_page=500")
    total = everything["total_items"]
    first = get(client, "/api/v1/hsds/services?per_page=2")
    assert (first["size"], first["total_pages"], first["first_page"], first["last_page"]) == (2, (total + 1) // 2, True, False)
    last = get(client, f"/api/v1/hsds/services?per_page=2&page={first['total_pages']}")
    assert last["last_page"] and not last["first_page"] and last["contents"][-1] == everything["contents"][-1]
    past = get(client, "/api/v1/hsds/services?per_page=2&page=999")
    assert past["empty"] and past["contents"] == [] and past["size"] == 0


def test_search_and_filters(client):
    found = get(client, "/api/v1/hsds/services?search=legal&full=true&per_page=500")["contents"]
    assert 0 < len(found) < get(client, "/api/v1/hsds/services?per_page=500")["total_items"]
    assert all("legal" in f"{row['name']} {row.get('description', '')} {row['organization']['name']}".lower() for row in found)
    assert get(client, "/api/v1/hsds/services?search=zzzz-nothing")["empty"]
    term = get(client, "/api/v1/hsds/taxonomies")["contents"][0]["terms"][0]["id"]
    tagged = get(client, f"/api/v1/hsds/services?taxonomy_term_id={term}&full=true")["contents"]
    assert tagged and all(term in [a["taxonomy_term_id"] for a in row["attributes"]] for row in tagged)
    organization = tagged[0]["organization_id"]
    assert {row["organization_id"] for row in get(client, f"/api/v1/hsds/services?organization_id={organization}")["contents"]} == {organization}
    assert get(client, "/api/v1/hsds/services?organization_id=not-a-uuid")["empty"]


def test_modified_after(client):
    everything = get(client, "/api/v1/hsds/services?per_page=500")
    assert get(client, "/api/v1/hsds/services?modified_after=2000-01-01")["total_items"] == everything["total_items"]
    assert get(client, "/api/v1/hsds/services?modified_after=2999-01-01T00:00:00Z")["empty"]
    bad = client.get("/api/v1/hsds/services?modified_after=yesterday&lang=ru")
    assert bad.status_code == HTTPStatus.BAD_REQUEST and bad.json()["detail"] == "Не удалось прочитать этот запрос"


def test_an_unknown_service_is_a_localized_404(client):
    response = client.get("/api/v1/hsds/services/00000000-0000-0000-0000-000000000000?lang=ar")
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert response.json()["detail"] == "لم يُعثر على شيء في هذا العنوان."


@pytest.mark.parametrize(
    "path",
    ["/api/v1/hsds/services?full=true", "/api/v1/hsds/organizations?full=true", "/api/v1/hsds/service_at_locations?full=true", "/api/v1/hsds/taxonomies"],
)
def test_each_list_keeps_to_the_query_budget(client, path, django_assert_max_num_queries):
    with django_assert_max_num_queries(QUERY_BUDGET):
        get(client, path)
