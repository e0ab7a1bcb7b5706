"""The open data comes a page at a time once the directory is large: every organization on exactly
one page, each page far under 1 MB, the pages linked to each other, a page that does not exist a 404."""

import pytest
from django.core.cache import cache

from config.site import open_data

pytestmark = pytest.mark.django_db


def get(client, path):
    response = client.get(path)
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    return response.json()


def test_a_small_directory_is_one_page(client):
    document = get(client, "/en/open-data/hsds.json")
    assert document["total_pages"] == 1 and document["page_number"] == 1
    assert document["first_page"] and document["last_page"]
    assert document["total_items"] == document["size"] == len(document["organizations"]) >= 10
    assert "next" not in document and "previous" not in document


def test_pages_hold_every_organization_once_and_link_to_each_other(client, monkeypatch):
    whole = get(client, "/ru/open-data/hsds.json")
    monkeypatch.setattr(open_data, "ORGANIZATIONS_PER_PAGE", 4)
    cache.clear()  # the stored whole document was built with the page size of a small directory
    first = get(client, "/ru/open-data/hsds.json?fbclid=x")  # a tracked link is the first page all the same
    pages, document = [first], first
    while "next" in document:
        assert document["next"].startswith("http://testserver/ru/open-data/hsds.json?page=")
        document = get(client, document["next"].removeprefix("http://testserver"))
        pages.append(document)
    assert len(pages) == first["total_pages"] == -(-whole["total_items"] // 4) > 2
    assert [page["page_number"] for page in pages] == list(range(1, len(pages) + 1))
    assert pages[1]["previous"] == "http://testserver/ru/open-data/hsds.json"
    assert pages[-1]["last_page"] and not pages[-1]["first_page"]
    for part in ("organizations", "services", "locations", "service_at_locations"):
        assert sorted(row["id"] for page in pages for row in page[part]) == sorted(row["id"] for row in whole[part]), part
    for page in pages:  # what a page links to is on that page
        services = {service["id"] for service in page["services"]}
        locations = {location["id"] for location in page["locations"]}
        organizations = {organization["id"] for organization in page["organizations"]}
        assert {service["organization_id"] for service in page["services"]} <= organizations
        assert all(link["service_id"] in services and link["location_id"] in locations for link in page["service_at_locations"])


@pytest.mark.parametrize("page", ["2", "0", "-1", "two", "99999999999999999999"])
def test_a_page_that_does_not_exist_is_a_404(client, page):
    response = client.get(f"/en/open-data/hsds.json?page={page}")
    assert response.status_code == 404
