"""What a person searches for stays theirs: the results page is marked for no cache to keep."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/ru/search/?q=депортация", "/en/search/?q=", "/en/search/"])
def test_search_results_are_private_and_never_stored(client, path):
    response = client.get(path)
    assert response.status_code == 200
    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= directives
    assert "ETag" not in response  # nothing to revalidate against: the page is not kept


def test_a_repeated_search_is_rendered_again(client):
    first = client.get("/en/search/?q=asylum")
    assert "asylum" in first.content.decode().lower()
    second = client.get("/en/search/?q=asylum")
    assert second.status_code == 200
    assert second.get("X-Page-Cache") != "hit"
